package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump"
	"golang.org/x/text/encoding/unicode"
)

const sample = "../../testdata/000_9e4be9335a49f043.txt"

func readSample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// testLimits are generous but for what a test sets.
var testLimits = Limits{MaxBytes: 1 << 20, Timeout: 10 * time.Second, MaxConcurrent: 4}

func startServer(t testing.TB, l Limits) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(newHandler(l))
	t.Cleanup(ts.Close)
	return ts
}

// post sends body to /parse with the query and header given and returns
// the status and the response's lines.
func post(t testing.TB, ts *httptest.Server, query string, body []byte, header http.Header) (int, []string) {
	t.Helper()
	req, err := http.NewRequest("POST", ts.URL+"/parse"+query, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// articlesOf decodes article lines.
func articlesOf(t testing.TB, lines []string) []newsdump.Article {
	t.Helper()
	var out []newsdump.Article
	for _, l := range lines {
		var a newsdump.Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		out = append(out, a)
	}
	return out
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParse checks that every way of sending the sample gives Parse's
// articles, in order.
func TestParse(t *testing.T) {
	data := readSample(t)
	want, err := newsdump.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, testLimits)
	for _, tc := range []struct {
		name   string
		body   []byte
		header http.Header
	}{
		{"utf-8", data, nil},
		{"gzip by Content-Encoding", gzipped(t, data), http.Header{"Content-Encoding": {"gzip"}}},
		{"gzip by content", gzipped(t, data), nil},
		{"utf-16 gzipped", gzipped(t, utf16), nil},
	} {
		status, lines := post(t, ts, "", tc.body, tc.header)
		if status != http.StatusOK {
			t.Fatalf("%s: status %d: %v", tc.name, status, lines)
		}
		got := articlesOf(t, lines)
		if tc.name == "utf-16 gzipped" {
			// Offsets count the bytes of the input, which UTF-16 doubles.
			for i := range got {
				got[i].Source = want[i].Source
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: articles (-Parse +server):\n%s", tc.name, diff)
		}
	}
}

func TestParseQuery(t *testing.T) {
	data := readSample(t)
	ts := startServer(t, testLimits)
	keys := func(line string) []string {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		var ks []string
		for _, k := range []string{"id", "sentences", "entities", "duplicate"} {
			if _, ok := m[k]; ok {
				ks = append(ks, k)
			}
		}
		return ks
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"id"}},
		{"?entities=true", []string{"id", "entities"}},
		{"?sentences=1&entities=false", []string{"id", "sentences"}},
		{"?sentences&entities", []string{"id", "sentences", "entities"}},
	} {
		status, lines := post(t, ts, tc.query, data, nil)
		if status != http.StatusOK {
			t.Fatalf("%s: status %d: %v", tc.query, status, lines)
		}
		for _, l := range lines {
			if diff := cmp.Diff(tc.want, keys(l)); diff != "" {
				t.Errorf("%s: keys (-want +got):\n%s", tc.query, diff)
			}
		}
	}
	// The same dump twice: with dedupe, the second copy of each story is a
	// duplicate line pointing back at the first.
	twice := append(append(append([]byte{}, data...), "\n\n\n"...), data...)
	status, lines := post(t, ts, "?dedupe=true", twice, nil)
	if status != http.StatusOK {
		t.Fatalf("dedupe: status %d: %v", status, lines)
	}
	arts, _ := newsdump.Parse(bytes.NewReader(data))
	var got []string
	for _, l := range lines {
		got = append(got, strings.Join(keys(l), ","))
	}
	var want []string
	for range arts {
		want = append(want, "id")
	}
	for range arts {
		want = append(want, "duplicate")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dedupe: line kinds (-want +got):\n%s", diff)
	}
	var d duplicateLine
	if err := json.Unmarshal([]byte(lines[len(arts)]), &d); err != nil {
		t.Fatal(err)
	}
	if d.Duplicate.Of != arts[0].Source || d.Duplicate.OfID != arts[0].ID || d.Duplicate.ID != arts[0].ID {
		t.Errorf("first duplicate %+v, want a copy of %+v (%s)", d.Duplicate, arts[0].Source, arts[0].ID)
	}

	for _, q := range []string{"?entities=maybe", "?dedup=true"} {
		if status, lines := post(t, ts, q, data, nil); status != http.StatusBadRequest {
			t.Errorf("%s: status %d (%v), want 400", q, status, lines)
		}
	}
}

// errorOf decodes a response's error line.
func errorOf(t testing.TB, line string) errorLine {
	t.Helper()
	var e errorLine
	if err := json.Unmarshal([]byte(line), &e); err != nil || e.Error == "" {
		t.Fatalf("line %q is not an error line (%v)", line, err)
	}
	return e
}

func TestBadInput(t *testing.T) {
	data := readSample(t)
	ts := startServer(t, Limits{MaxBytes: 4 * int64(len(data)), Timeout: 10 * time.Second, MaxConcurrent: 4})
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...)
	big := bytes.Repeat([]byte("A line of a dump that goes on.\n"), len(data)/4)
	bomb := gzipped(t, bytes.Repeat([]byte("x\n"), 8*len(data)))
	for _, tc := range []struct {
		name   string
		body   []byte
		header http.Header
		status int
		says   string
	}{
		{"binary", png, nil, http.StatusUnsupportedMediaType, "binary data, not a text dump: a PNG image"},
		{"too large", big, nil, http.StatusRequestEntityTooLarge, "request body too large"},
		{"too large once decompressed", bomb, nil, http.StatusRequestEntityTooLarge, "request body too large"},
		{"not gzip", data, http.Header{"Content-Encoding": {"gzip"}}, http.StatusBadRequest, "gzip: invalid header"},
		{"unknown Content-Encoding", data, http.Header{"Content-Encoding": {"br"}}, http.StatusUnsupportedMediaType, `Content-Encoding "br"`},
	} {
		if len(bomb) >= len(data) {
			t.Fatalf("the gzip bomb is %d bytes, not smaller than the limit", len(bomb))
		}
		status, lines := post(t, ts, "", tc.body, tc.header)
		if status != tc.status || len(lines) != 1 {
			t.Errorf("%s: status %d, %d lines; want %d and one error line", tc.name, status, len(lines), tc.status)
			continue
		}
		e := errorOf(t, lines[0])
		if e.Status != tc.status || !strings.Contains(e.Error, tc.says) || strings.Contains(e.Error, "gzip: gzip") {
			t.Errorf("%s: %+v, want status %d and an error saying %q", tc.name, e, tc.status, tc.says)
		}
	}

	// A gzip stream cut short after the first articles: the articles
	// before the cut, then the error, at the line it is at.
	three := bytes.Repeat(append(append([]byte{}, data...), "\n\n\n"...), 3)
	cut := gzipped(t, three)
	cut = cut[:len(cut)*3/4]
	status, lines := post(t, ts, "", cut, nil)
	if status != http.StatusOK {
		t.Fatalf("cut gzip: status %d (%v), want 200", status, lines)
	}
	zr, _ := gzip.NewReader(bytes.NewReader(cut))
	arts, perr := newsdump.Parse(zr)
	if len(arts) == 0 || perr == nil || len(lines) != len(arts)+1 {
		t.Fatalf("cut gzip: %d lines, want Parse's %d articles and its error (%v)", len(lines), len(arts), perr)
	}
	if diff := cmp.Diff(arts, articlesOf(t, lines[:len(arts)])); diff != "" {
		t.Errorf("cut gzip: articles (-Parse +server):\n%s", diff)
	}
	if e := errorOf(t, lines[len(lines)-1]); e.Status != http.StatusBadRequest || e.Error != perr.Error() {
		t.Errorf("cut gzip: %+v, want a 400 saying %q", e, perr)
	}

	// Not a POST.
	resp, err := ts.Client().Get(ts.URL + "/parse")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /parse: status %d, want 405", resp.StatusCode)
	}
}

// slowRequest opens a connection and sends the headers of a POST /parse
// of n bytes and the first part of its body, then nothing more: a client
// that has stalled. It returns the connection, to read the answer from.
func slowRequest(t testing.TB, ts *httptest.Server, n int, first []byte) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "POST /parse HTTP/1.1\r\nHost: test\r\nContent-Length: %d\r\n\r\n", n)
	conn.Write(first)
	return conn
}

func TestSlowClient(t *testing.T) {
	data := readSample(t)
	ts := startServer(t, Limits{MaxBytes: 1 << 20, Timeout: 300 * time.Millisecond, MaxConcurrent: 4})
	for _, tc := range []struct {
		name   string
		first  []byte
		status int
	}{
		// Stalled before the first article: a 408.
		{"stalled at once", data[:100], http.StatusRequestTimeout},
		// Stalled after articles were sent: they come, then the error.
		// (A Reader decides the layout from the first 16 KiB, so more than
		// that is sent.)
		{"stalled after articles", bytes.Repeat(append(append([]byte{}, data...), "\n\n\n"...), 3), http.StatusOK},
	} {
		conn := slowRequest(t, ts, len(tc.first)+1000, tc.first)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		lines := strings.Split(strings.TrimSpace(string(body)), "\n")
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d (%s)", tc.name, resp.StatusCode, tc.status, body)
			continue
		}
		e := errorOf(t, lines[len(lines)-1])
		if e.Status != http.StatusRequestTimeout {
			t.Errorf("%s: last line %+v, want a 408", tc.name, e)
		}
		if tc.status == http.StatusOK && len(lines) < 2 {
			t.Errorf("%s: %d lines, want the articles before the error", tc.name, len(lines))
		}
	}
}

// waitParsing polls /healthz until n requests are being parsed. It waits
// for an event, not a time: a broken server fails the test by its
// timeout.
func waitParsing(t testing.TB, ts *httptest.Server, n int64) {
	t.Helper()
	for {
		resp, err := ts.Client().Get(ts.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		var h health
		err = json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if err != nil || h.Status != "ok" {
			t.Fatalf("/healthz: %+v, %v", h, err)
		}
		if h.Parsing == n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	data := readSample(t)
	ts := startServer(t, Limits{MaxBytes: 1 << 20, Timeout: 10 * time.Second, MaxConcurrent: 2})
	var conns []net.Conn
	for range 2 {
		conns = append(conns, slowRequest(t, ts, len(data), data[:10]))
	}
	waitParsing(t, ts, 2)
	req, _ := http.NewRequest("POST", ts.URL+"/parse", bytes.NewReader(data))
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a third request: status %d, Retry-After %q; want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// The stalled ones finish; a slot is free again.
	conns[0].Write(data[10:])
	resp0, err := http.ReadResponse(bufio.NewReader(conns[0]), nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp0.Body)
	resp0.Body.Close()
	if resp0.StatusCode != http.StatusOK {
		t.Errorf("the first request: status %d, want 200", resp0.StatusCode)
	}
	waitParsing(t, ts, 1)
	if status, lines := post(t, ts, "", data, nil); status != http.StatusOK {
		t.Errorf("a request after a slot was freed: status %d (%v), want 200", status, lines)
	}
}

// TestShutdown checks the graceful shutdown: a request in flight when
// the server is told to stop is answered in full, and serve returns.
func TestShutdown(t *testing.T) {
	data := readSample(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, testLimits, 10*time.Second) }()

	ts := &httptest.Server{URL: "http://" + ln.Addr().String(), Listener: ln}
	conn := slowRequest(t, ts, len(data), data[:10])
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// /healthz answered, so the server runs; wait for the slow request.
	for {
		resp, err := http.Get(ts.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		var h health
		json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if h.Parsing == 1 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop() // as SIGTERM does in main
	// The listener closes; the request in flight goes on.
	for {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(5 * time.Millisecond)
	}
	conn.Write(data[10:])
	r, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	want, _ := newsdump.Parse(bytes.NewReader(data))
	got := articlesOf(t, strings.Split(strings.TrimSpace(string(body)), "\n"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the request in flight (-want +got):\n%s", diff)
	}
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestLimitReader checks the decompressed limit at its edge: a body of
// exactly the limit is whole, one byte more is too large.
func TestLimitReader(t *testing.T) {
	for _, tc := range []struct {
		n, limit int
		err      error
	}{{10, 10, nil}, {11, 10, errTooLarge}, {0, 0, nil}, {1, 0, errTooLarge}, {100000, 99999, errTooLarge}} {
		got, err := io.ReadAll(&limitReader{r: bytes.NewReader(make([]byte, tc.n)), left: int64(tc.limit)})
		if err != tc.err || tc.err == nil && len(got) != tc.n {
			t.Errorf("%d bytes, limit %d: read %d, error %v; want error %v", tc.n, tc.limit, len(got), err, tc.err)
		}
	}
}
