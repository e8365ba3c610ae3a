package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed assets
var assets embed.FS

// Config is what a Server serves.
type Config struct {
	Dirs     []string // the directories whose files may be picked
	MaxBytes int64    // the largest dump inspected, as sent and decompressed
	Public   bool     // accept any Host header (the server listens beyond loopback)
}

// Server is the inspector's HTTP handler: the page at /, a dump sent to
// /inspect (POST, multipart/form-data: text, files, layout), a file or
// directory below a named directory at /view?root=N&path=P, and the
// page's CSS and JavaScript at /static/.
type Server struct {
	cfg    Config
	roots  []root
	page   *template.Template
	static http.Handler
}

// root is one directory named on the command line, opened as an os.Root:
// every file read below it is opened within it, so that "..", absolute
// paths and symbolic links leading out of it fail.
type root struct {
	name string // as given on the command line
	r    *os.Root
}

// New opens the directories of cfg.
func New(cfg Config) (*Server, error) {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	s := &Server{cfg: cfg}
	for _, d := range cfg.Dirs {
		info, err := os.Stat(d)
		if err == nil && !info.IsDir() {
			err = fmt.Errorf("%s: not a directory (name the directory that holds it)", d)
		}
		var r *os.Root
		if err == nil {
			r, err = os.OpenRoot(d)
		}
		if err != nil {
			s.Close()
			return nil, err
		}
		s.roots = append(s.roots, root{name: d, r: r})
	}
	tmpl, err := template.New("page.html").Funcs(template.FuncMap{
		"bytes":       humanBytes,
		"add":         func(a, b int) int { return a + b },
		"maxLines":    func() int { return maxLines },
		"maxArticles": func() int { return maxArticles },
	}).ParseFS(assets, "assets/page.html")
	if err != nil {
		s.Close()
		return nil, err
	}
	s.page = tmpl
	static, _ := fs.Sub(assets, "assets/static")
	s.static = http.StripPrefix("/static/", http.FileServerFS(static))
	return s, nil
}

// Close closes the directories.
func (s *Server) Close() error {
	for _, r := range s.roots {
		r.r.Close()
	}
	s.roots = nil
	return nil
}

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Everything the page needs comes from here; nothing runs inline, so
	// even markup that escaped escaping could not run a script.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if !s.cfg.Public && !loopbackRequestHost(r.Host) {
		// A page elsewhere whose name was made to resolve to 127.0.0.1
		// (DNS rebinding) would otherwise read the named directories.
		s.fail(w, http.StatusMisdirectedRequest, "this inspector answers only requests for localhost or a loopback address (start it with -public to serve others)")
		return
	}
	switch {
	case r.URL.Path == "/":
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		s.render(w, http.StatusOK, s.newPage())
	case r.URL.Path == "/inspect":
		if !allow(w, r, http.MethodPost) {
			return
		}
		s.inspectPost(w, r)
	case r.URL.Path == "/view":
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		s.view(w, r)
	case strings.HasPrefix(r.URL.Path, "/static/"):
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		s.static.ServeHTTP(w, r)
	default:
		s.fail(w, http.StatusNotFound, "no such page: "+r.URL.Path)
	}
}

func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	return false
}

// loopbackRequestHost reports whether a request's Host names a loopback
// host, with or without a port.
func loopbackRequestHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return isLoopbackHost(host)
}

// input is one dump to inspect: its name and its bytes.
type input struct {
	name string
	data []byte
}

// statusError is an error with the HTTP status it answers.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

func (s *Server) tooLarge() error {
	return &statusError{http.StatusRequestEntityTooLarge,
		fmt.Sprintf("the dump is larger than the limit of %s (-max-bytes)", humanBytes(s.cfg.MaxBytes))}
}

// inspectPost reads the multipart form of the page: a pasted text, any
// number of uploaded files and the layout, at most MaxBytes of body.
func (s *Server) inspectPost(w http.ResponseWriter, r *http.Request) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		s.fail(w, http.StatusUnsupportedMediaType, "send the page's form (multipart/form-data)")
		return
	}
	if r.ContentLength > s.cfg.MaxBytes {
		s.failErr(w, s.tooLarge())
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, http.StatusBadRequest, err.Error())
		return
	}
	var (
		inputs []input
		layout string
		total  int64
	)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.failErr(w, s.bodyError(err))
			return
		}
		data, err := io.ReadAll(part)
		if err != nil {
			s.failErr(w, s.bodyError(err))
			return
		}
		switch part.FormName() {
		case "layout":
			layout = string(data)
		case "text":
			if len(bytes.TrimSpace(data)) > 0 {
				inputs = append(inputs, input{name: "pasted text", data: data})
			}
		case "files":
			if part.FileName() == "" && len(data) == 0 {
				continue // the file input with no file chosen
			}
			name := part.FileName()
			if name == "" {
				name = "upload"
			}
			inputs = append(inputs, input{name: name, data: data})
		}
	}
	for i := range inputs {
		d, err := s.gunzip(inputs[i].data, total)
		if err != nil {
			s.failErr(w, err)
			return
		}
		inputs[i].data = d
		total += int64(len(d))
	}
	if len(inputs) == 0 {
		p := s.newPage()
		p.Error = "Nothing to inspect: paste a dump or choose a file."
		s.render(w, http.StatusBadRequest, p)
		return
	}
	s.inspect(w, inputs, layout)
}

// bodyError turns an error of reading the body into its status.
func (s *Server) bodyError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return s.tooLarge()
	}
	return &statusError{http.StatusBadRequest, "reading the form: " + err.Error()}
}

// gunzip decompresses data when it is gzip data, keeping the total of
// what has been read so far and it within MaxBytes.
func (s *Server) gunzip(data []byte, total int64) ([]byte, error) {
	if total+int64(len(data)) > s.cfg.MaxBytes {
		return nil, s.tooLarge()
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, &statusError{http.StatusBadRequest, "gzip: " + err.Error()}
	}
	out, err := io.ReadAll(io.LimitReader(zr, s.cfg.MaxBytes-total+1))
	if err != nil {
		return nil, &statusError{http.StatusBadRequest, "gzip: " + err.Error()}
	}
	if int64(len(out)) > s.cfg.MaxBytes-total {
		return nil, s.tooLarge()
	}
	return out, nil
}

// view inspects a file, or the dumps in a directory, below a named
// directory: /view?root=N&path=P, P a slash-separated path within it
// ("." for the directory itself).
func (s *Server) view(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	n, err := strconv.Atoi(q.Get("root"))
	if err != nil || n < 0 || n >= len(s.roots) {
		s.fail(w, http.StatusNotFound, "no such directory")
		return
	}
	rt := s.roots[n]
	p := q.Get("path")
	if p == "" {
		p = "."
	}
	if !fs.ValidPath(p) || strings.Contains(p, `\`) {
		// "..", an absolute path, an empty or dotted element: never a
		// path within the directory.
		s.fail(w, http.StatusForbidden, "not a path within "+rt.name+": "+p)
		return
	}
	inputs, err := s.readPath(rt, p)
	if err != nil {
		s.failErr(w, err)
		return
	}
	if len(inputs) == 0 {
		s.fail(w, http.StatusNotFound, "no dumps (*.txt, *.gz, no extension) below "+path.Join(rt.name, p))
		return
	}
	s.inspect(w, inputs, q.Get("layout"))
}

// readPath reads the file p of rt, or the dumps below the directory p.
func (s *Server) readPath(rt root, p string) ([]input, error) {
	fsys := rt.r.FS()
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, pathError(rt, p, err)
	}
	var names []string
	if info.IsDir() {
		names, _, err = dumpsBelow(fsys, p, -1)
		if err != nil {
			return nil, pathError(rt, p, err)
		}
	} else {
		names = []string{p}
	}
	var inputs []input
	var total int64
	for _, name := range names {
		data, err := s.readFile(fsys, name, total)
		if err != nil {
			return nil, pathError(rt, name, err)
		}
		data, err = s.gunzip(data, total)
		if err != nil {
			return nil, err
		}
		total += int64(len(data))
		inputs = append(inputs, input{name: path.Join(rt.name, name), data: data})
	}
	return inputs, nil
}

// readFile reads a file of fsys, refusing one that would take the total
// beyond MaxBytes.
func (s *Server) readFile(fsys fs.FS, name string, total int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxBytes-total+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > s.cfg.MaxBytes-total {
		return nil, s.tooLarge()
	}
	return data, nil
}

// pathError gives an error of reading below a root its status: 404 for
// a file that does not exist, 403 for anything else (a symbolic link
// out of the directory, a file that may not be read).
func pathError(rt root, p string, err error) error {
	var se *statusError
	if errors.As(err, &se) {
		return se
	}
	where := path.Join(rt.name, p)
	if errors.Is(err, fs.ErrNotExist) {
		return &statusError{http.StatusNotFound, "no such file: " + where}
	}
	// Say why without the operating system's path, which names
	// directories above the root.
	why := "it cannot be read"
	if strings.Contains(err.Error(), "escapes") {
		why = "it leads out of " + rt.name
	}
	return &statusError{http.StatusForbidden, "refused " + where + ": " + why}
}

// dumpsBelow lists the files below dir of fsys that the newsdump command
// would read there (names *.txt, *.gz or without an extension, no dot
// names, no Go fuzz corpus files), in byte order, at most limit of them
// (no limit below 0), and the directories below dir that hold them, with
// "…" last when there were more files. Symbolic links are not followed.
func dumpsBelow(fsys fs.FS, dir string, limit int) (files, dirs []string, err error) {
	full := false
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // an unreadable subdirectory: skip it
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !isDumpName(d.Name()) || isFuzzCorpus(fsys, p) {
			return nil
		}
		if limit >= 0 && len(files) >= limit {
			full = true
			return fs.SkipAll
		}
		files = append(files, p)
		return nil
	})
	sort.Strings(files)
	seen := map[string]bool{}
	for _, f := range files {
		for d := path.Dir(f); d != "." && d != dir && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	if full {
		dirs = append(dirs, "…")
	}
	return files, dirs, err
}

func isDumpName(name string) bool {
	switch path.Ext(name) {
	case ".txt", ".gz", "":
		return true
	}
	return false
}

// isFuzzCorpus reports whether a file is a Go fuzz corpus file, whose
// names have no extension: tests' inputs, not dumps.
func isFuzzCorpus(fsys fs.FS, name string) bool {
	if path.Ext(name) != "" {
		return false
	}
	f, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(bufio.NewReader(f), head)
	return string(head[:n]) == "go test fuzz v1\n"
}

func (s *Server) render(w http.ResponseWriter, status int, p *page) {
	var buf bytes.Buffer
	if err := s.page.Execute(&buf, p); err != nil {
		http.Error(w, "rendering the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers with the page and an error on it.
func (s *Server) fail(w http.ResponseWriter, status int, msg string) {
	p := s.newPage()
	p.Error = msg
	s.render(w, status, p)
}

func (s *Server) failErr(w http.ResponseWriter, err error) {
	var se *statusError
	if errors.As(err, &se) {
		s.fail(w, se.status, se.msg)
		return
	}
	s.fail(w, http.StatusInternalServerError, err.Error())
}

// humanBytes writes a size the way people read it: 8 MiB, 512 KiB, 100 B.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
