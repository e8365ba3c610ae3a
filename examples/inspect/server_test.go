package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The repository's two sample dumps, which share one story.
var samples = []string{
	"../../testdata/000_9e4be9335a49f043.txt",
	"../../testdata/001_9335ce0f20af1e91.txt",
}

// The injected markup of the escaping tests: a script element, and an
// attribute broken out of to start an element.
const (
	injectScript = `<script>alert(1)</script>`
	injectImg    = `"><img src=x onerror=alert(1)>`
)

// injectionDump is a dump whose title, caption and body carry the
// injected markup.
var injectionDump = injectScript + " headline " + injectImg + "\n\n" +
	injectImg + " a caption (Photo " + injectScript + ")\n" +
	injectImg + " a caption (Photo " + injectScript + ")\n" +
	"TT\n\n" +
	injectScript + " headline " + injectImg + "\n\n" +
	"The body names Antony Blinken in Baghdad, " + injectScript + " and " + injectImg + " too.\n\n" +
	"Blinken said the visit was over.\n"

func newServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// form is a multipart body as the page's form sends it.
type form struct {
	text   string
	files  map[string]string // name → content; sent in name order is not needed
	order  []string
	layout string
}

func (f form) encode(t *testing.T) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("text", f.text)
	for _, name := range f.order {
		w, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f.files[name])
	}
	if len(f.order) == 0 {
		mw.CreateFormFile("files", "") // the file input with no file chosen
	}
	mw.WriteField("layout", f.layout)
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func (f *form) add(name, content string) {
	if f.files == nil {
		f.files = map[string]string{}
	}
	f.files[name] = content
	f.order = append(f.order, name)
}

// newRequest is httptest.NewRequest for a loopback host, as a browser on
// this machine sends it (httptest's default, example.com, is refused).
func newRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	req.Host = "127.0.0.1:8080"
	return req
}

func post(t *testing.T, h http.Handler, f form) *httptest.ResponseRecorder {
	t.Helper()
	body, ct := f.encode(t)
	req := newRequest(http.MethodPost, "/inspect", body)
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newRequest(http.MethodGet, target, nil))
	return rec
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantContains(t *testing.T, body string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(body, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
}

// Uploading the two samples shows their lines, articles, entities and the
// story they share, compared side by side.
func TestUploadSamples(t *testing.T) {
	s := newServer(t, Config{})
	var f form
	for _, p := range samples {
		f.add(filepath.Base(p), readFile(t, p))
	}
	rec := post(t, s, f)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200:\n%s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	wantContains(t, body,
		`<li id="in0-L1" class="line role-title" data-line="1" data-role="title"`,
		`class="line role-caption"`, `class="line role-repeat"`, `class="line role-chrome"`, `class="line role-body"`,
		`<article id="a0" class="art"`,
		`class="ent ent-PERSON"`, `>Antony Blinken</a>`,
		`<li class="cluster" id="cluster-1">`,
		`similarity <b>`,
		`<mark class="shared">`,
		"2 inputs, 4 articles, 1 story with copies.",
	)
	// The cluster is the story both samples carry.
	i := strings.Index(body, `id="cluster-1"`)
	cluster := body[i:]
	cluster = cluster[:strings.Index(cluster, "</li>\n</ul>")]
	wantContains(t, cluster, "Pro-Iran Factions in Iraq Dismiss Blinken’s Message to Tehran",
		"000_9e4be9335a49f043.txt:1", "001_9335ce0f20af1e91.txt:1")
	if h := rec.Header().Get("Content-Security-Policy"); !strings.Contains(h, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q", h)
	}
}

// A page-text dump: the menu is navigation, the headline the title, the
// byline, date, body, promos and footer each theirs.
func TestPastePage(t *testing.T) {
	s := newServer(t, Config{})
	rec := post(t, s, form{text: readFile(t, "testdata/page_harbour.txt"), layout: "auto"})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200:\n%s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	wantContains(t, body,
		`<li id="in0-L1" class="line role-navigation" data-line="1" data-role="navigation" title="navigation: short link-like line"`,
		`<li id="in0-L12" class="line role-title"`,
		`<li id="in0-L14" class="line role-byline"`,
		`<li id="in0-L16" class="line role-date"`,
		`class="line role-body"`, `class="line role-promo"`, `class="line role-footer"`,
		`<p class="authors">By <span class="author">`,
		`<time datetime="2025-03-14T09:15:00">`,
		`pasted text`,
	)
	if strings.Contains(body, `id="clusters"`) {
		t.Error("one article, yet a duplicates section")
	}
}

// Every text of the input reaches the page escaped: the title, captions,
// credits, body, lines, reasons and the uploaded file's name.
func TestEscaping(t *testing.T) {
	s := newServer(t, Config{})
	var f form
	f.text = injectionDump
	f.add(injectImg+".txt", injectionDump)
	rec := post(t, s, f)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200:\n%s", rec.Code, rec.Body)
	}
	body := rec.Body.String()
	if n := strings.Count(body, "<script"); n != 1 {
		t.Errorf("%d <script elements, want 1 (the page's own)", n)
	}
	for _, bad := range []string{"<img", "alert(1)</script>", "onerror=alert(1)>"} {
		if strings.Contains(body, bad) {
			t.Errorf("the page contains %q unescaped", bad)
		}
	}
	wantContains(t, body, "&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
}

func TestNothingSent(t *testing.T) {
	s := newServer(t, Config{})
	rec := post(t, s, form{text: "  \n\n"})
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "Nothing to inspect") {
		t.Errorf("status %d, want 400 and a message:\n%s", rec.Code, rec.Body)
	}
}

// A body beyond MaxBytes is 413, whether its length is declared or not,
// and so is gzip data that decompresses beyond it.
func TestSizeLimit(t *testing.T) {
	s := newServer(t, Config{MaxBytes: 4096})
	big := strings.Repeat("A line of a long dump.\n", 400) // 9,200 bytes

	rec := post(t, s, form{text: big})
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("declared length: status %d, want 413", rec.Code)
	}
	wantContains(t, rec.Body.String(), "larger than the limit of 4 KiB")

	// Chunked: no Content-Length, the limit found while reading.
	body, ct := form{text: big}.encode(t)
	req := newRequest(http.MethodPost, "/inspect", io.MultiReader(body))
	req.ContentLength = -1
	req.Header.Set("Content-Type", ct)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: status %d, want 413", rec.Code)
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(big))
	zw.Close()
	var f form
	f.add("big.txt.gz", gz.String())
	if gz.Len() > 1024 {
		t.Fatalf("the gzip data is %d bytes: not small", gz.Len())
	}
	if rec := post(t, s, f); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("gzip: status %d, want 413", rec.Code)
	}

	// Within the limit, gzip data is read decompressed.
	var small bytes.Buffer
	zw = gzip.NewWriter(&small)
	zw.Write([]byte(readFile(t, "testdata/page_harbour.txt")))
	zw.Close()
	f = form{}
	f.add("page.txt.gz", small.String())
	if rec := post(t, s, f); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `class="line role-title"`) {
		t.Errorf("small gzip: status %d", rec.Code)
	}
}

// tree makes DIR/root with dumps and symbolic links that lead out of it,
// and DIR/secret.txt beside it.
func tree(t *testing.T) (rootDir, secret string) {
	t.Helper()
	dir := t.TempDir()
	rootDir = filepath.Join(dir, "root")
	secret = filepath.Join(dir, "secret.txt")
	for name, content := range map[string]string{
		secret:                                  "Secret headline\n\nThe secret body that must never be served.\n",
		filepath.Join(rootDir, "a.txt"):         readFile(t, "testdata/page_harbour.txt"),
		filepath.Join(rootDir, "sub", "b.txt"):  readFile(t, samples[0]),
		filepath.Join(rootDir, "sub", "c"):      readFile(t, samples[1]),
		filepath.Join(rootDir, "notes.json"):    "{}",
		filepath.Join(rootDir, ".hidden.txt"):   "Hidden\n\nA dot file.\n",
		filepath.Join(rootDir, "fuzz", "FuzzX"): "go test fuzz v1\n[]byte(\"x\")\n",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return rootDir, secret
}

// links makes the symbolic links of the traversal tests, or skips.
func links(t *testing.T, rootDir, secret string) {
	t.Helper()
	for link, target := range map[string]string{
		"rel.txt":          "../secret.txt",
		"abs.txt":          secret,
		"outdir":           filepath.Dir(rootDir),
		"inside.txt":       "a.txt",
		"sub/up.txt":       "../a.txt",
		"sub/loop.txt":     "loop.txt",
		"sub/relout.txt":   "../../secret.txt",
		"sub/deep/x":       "", // a directory
		"sub/deep/out.txt": "../../../secret.txt",
	} {
		p := filepath.Join(rootDir, filepath.FromSlash(link))
		if target == "" {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
}

func TestIndexLists(t *testing.T) {
	rootDir, secret := tree(t)
	links(t, rootDir, secret)
	s := newServer(t, Config{Dirs: []string{rootDir}})
	rec := get(t, s, "/")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	wantContains(t, body, ">a.txt</a>", ">sub/b.txt</a>", ">sub/c</a>", ">sub/</a>", "path=.&amp;root=0", ">all of "+rootDir+"</a>")
	for _, not := range []string{"notes.json", ".hidden.txt", "FuzzX", "fuzz/", "rel.txt", "abs.txt", "outdir", "inside.txt"} {
		if strings.Contains(body, not) {
			t.Errorf("the listing names %s", not)
		}
	}
}

// No file outside the named directories can be read: "..", absolute
// paths, and symbolic links that lead out are refused with 403; a path
// that does not exist is 404.
func TestViewTraversal(t *testing.T) {
	rootDir, secret := tree(t)
	links(t, rootDir, secret)
	s := newServer(t, Config{Dirs: []string{rootDir}})
	for _, c := range []struct {
		path string
		code int
	}{
		{"a.txt", 200},
		{"sub/b.txt", 200},
		{"sub/c", 200},
		{"sub", 200},
		{".", 200},
		{"", 200},
		{"inside.txt", 200}, // a link within the directory
		{"sub/up.txt", 200},
		{"../secret.txt", 403},
		{"sub/../../secret.txt", 403},
		{"sub/../a.txt", 403}, // not a clean path: refused, not resolved
		{"./a.txt", 403},
		{"/a.txt", 403},
		{secret, 403},
		{filepath.ToSlash(secret), 403},
		{`..\secret.txt`, 403},
		{`sub\..\..\secret.txt`, 403},
		{"rel.txt", 403},
		{"abs.txt", 403},
		{"outdir", 403},
		{"outdir/secret.txt", 403},
		{"outdir/root/a.txt", 403},
		{"sub/relout.txt", 403},
		{"sub/deep/out.txt", 403},
		{"sub/loop.txt", 403},
		{"nope.txt", 404},
		{"sub/nope/x.txt", 404},
	} {
		rec := get(t, s, "/view?"+url.Values{"root": {"0"}, "path": {c.path}}.Encode())
		if rec.Code != c.code {
			t.Errorf("path %q: status %d, want %d", c.path, rec.Code, c.code)
		}
		if strings.Contains(rec.Body.String(), "secret body") {
			t.Errorf("path %q: the secret file was served", c.path)
		}
	}
	// A directory is read with its dumps only, and without following the
	// links that lead out of it.
	rec := get(t, s, "/view?root=0&path=.")
	body := rec.Body.String()
	wantContains(t, body, "Ferry service to Kessel Island", "Pro-Iran Factions")
	for _, not := range []string{"notes.json", "A dot file", "go test fuzz", "secret"} {
		if strings.Contains(body, not) {
			t.Errorf("the directory's page has %q", not)
		}
	}
	// Raw queries, escaped as a browser or curl sends them.
	for _, q := range []string{"root=0&path=..%2Fsecret.txt", "root=0&path=%2E%2E/secret.txt", "root=0&path=sub%2F..%2F..%2Fsecret.txt"} {
		if rec := get(t, s, "/view?"+q); rec.Code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", q, rec.Code)
		}
	}
	for _, q := range []string{"root=1&path=a.txt", "root=-1&path=a.txt", "root=x&path=a.txt", "path=a.txt"} {
		if rec := get(t, s, "/view?"+q); rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", q, rec.Code)
		}
	}
}

// The files picked on the disk are limited as an upload is.
func TestViewSizeLimit(t *testing.T) {
	rootDir, _ := tree(t)
	s := newServer(t, Config{Dirs: []string{rootDir}, MaxBytes: 1024})
	if rec := get(t, s, "/view?root=0&path=a.txt"); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a file beyond the limit: status %d, want 413", rec.Code)
	}
	if rec := get(t, s, "/view?root=0&path=."); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a directory beyond the limit: status %d, want 413", rec.Code)
	}
}

func TestNewRefusesFile(t *testing.T) {
	if _, err := New(Config{Dirs: []string{samples[0]}}); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("New with a file: %v", err)
	}
	if _, err := New(Config{Dirs: []string{filepath.Join(t.TempDir(), "nope")}}); err == nil {
		t.Error("New with a missing directory: no error")
	}
}

// A request for another host name is refused unless Public: a page whose
// name resolves to 127.0.0.1 (DNS rebinding) cannot read the directories.
func TestHost(t *testing.T) {
	s := newServer(t, Config{})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "localhost": 200, "127.0.0.2": 200,
		"evil.example:8080": http.StatusMisdirectedRequest, "10.0.0.1:8080": http.StatusMisdirectedRequest,
		"localhost.evil.example": http.StatusMisdirectedRequest, "": http.StatusMisdirectedRequest,
	} {
		req := newRequest(http.MethodGet, "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, rec.Code, want)
		}
	}
	pub := newServer(t, Config{Public: true})
	req := newRequest(http.MethodGet, "/", nil)
	req.Host = "inspector.example:8080"
	rec := httptest.NewRecorder()
	pub.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("Public, Host %q: status %d, want 200", req.Host, rec.Code)
	}
}

func TestRoutes(t *testing.T) {
	s := newServer(t, Config{})
	for _, c := range []struct {
		method, target string
		code           int
		ctype          string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/static/inspect.css", 200, "text/css; charset=utf-8"},
		{"GET", "/static/inspect.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/static/nope.js", 404, ""},
		{"GET", "/nope", 404, ""},
		{"GET", "/inspect", 405, ""},
		{"POST", "/", 405, ""},
		{"DELETE", "/view", 405, ""},
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, newRequest(c.method, c.target, nil))
		if rec.Code != c.code {
			t.Errorf("%s %s: status %d, want %d", c.method, c.target, rec.Code, c.code)
		}
		if c.ctype != "" && rec.Header().Get("Content-Type") != c.ctype {
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.target, rec.Header().Get("Content-Type"), c.ctype)
		}
	}
	req := newRequest(http.MethodPost, "/inspect", strings.NewReader("text=x"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnsupportedMediaType {
		t.Errorf("a urlencoded form: status %d, want 415", rec.Code)
	}
}

// A binary upload is shown as the library's error, with the other inputs.
func TestBinaryInput(t *testing.T) {
	s := newServer(t, Config{})
	var f form
	f.add("photo.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	f.add("page.txt", readFile(t, "testdata/page_harbour.txt"))
	rec := post(t, s, f)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	wantContains(t, rec.Body.String(), "binary", `class="line role-title"`)
}

func TestCheckListen(t *testing.T) {
	for _, c := range []struct {
		addr   string
		public bool
		ok     bool
	}{
		{"127.0.0.1:8080", false, true},
		{"localhost:0", false, true},
		{"[::1]:8080", false, true},
		{"127.1.2.3:80", false, true},
		{":8080", false, false},
		{"0.0.0.0:8080", false, false},
		{"[::]:8080", false, false},
		{"192.168.1.5:8080", false, false},
		{"example.com:8080", false, false},
		{":8080", true, true},
		{"0.0.0.0:8080", true, true},
		{"127.0.0.1", false, false}, // no port
	} {
		err := checkListen(c.addr, c.public)
		if (err == nil) != c.ok {
			t.Errorf("checkListen(%q, %v) = %v", c.addr, c.public, err)
		}
	}
}

func TestRunRefuses(t *testing.T) {
	for _, args := range [][]string{
		{"-listen", "0.0.0.0:0"},
		{"-max-bytes", "0"},
		{samples[0]},
		{"-nope"},
	} {
		var stderr bytes.Buffer
		if code := run(args, &stderr); code != 2 {
			t.Errorf("run %q: exit %d, want 2 (%s)", args, code, stderr.String())
		}
	}
}

// A large dump gives a page of bounded size: the first maxArticles
// articles and maxLines lines, the others counted.
func TestLargeDumpCapped(t *testing.T) {
	s := newServer(t, Config{})
	one := readFile(t, "../../testdata/one_article.txt")
	rec := post(t, s, form{text: strings.Repeat(one+"\n\n\n", maxArticles+20)})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if n := strings.Count(body, `<article id="a`); n != maxArticles {
		t.Errorf("%d articles shown, want %d", n, maxArticles)
	}
	wantContains(t, body, "20 more articles not shown", fmt.Sprintf("%d articles</p>", maxArticles+20))

	rec = post(t, s, form{text: strings.Repeat("Home\n", maxLines+500)})
	body = rec.Body.String()
	if n := strings.Count(body, `class="line `); n != maxLines {
		t.Errorf("%d lines shown, want %d", n, maxLines)
	}
	wantContains(t, body, "500 more lines not shown", fmt.Sprintf("%d lines", maxLines+500))
}
