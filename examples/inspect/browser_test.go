package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser test's window, and so its screenshot's size.
const (
	shotWidth  = 1280
	shotHeight = 900
)

// chromium finds the browser: $INSPECT_CHROMIUM, or chromium (Debian's
// package) or Chrome on PATH. Without one the test skips, but not under
// CI, where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("INSPECT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set and no chromium binary was found on PATH (apt-get install chromium, or set INSPECT_CHROMIUM)")
	}
	t.Skip("skipping the browser test: no chromium binary on PATH (apt-get install chromium, or set INSPECT_CHROMIUM); under CI it fails instead")
	return ""
}

// browser is one headless Chromium tab on the inspector, and what the
// page did that it should not: JavaScript dialogs (an injected alert)
// and uncaught exceptions.
type browser struct {
	t   *testing.T
	ctx context.Context
	url string

	mu         sync.Mutex
	dialogs    []string
	exceptions []string
}

func newBrowser(t *testing.T, h http.Handler) *browser {
	exe := chromium(t)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		// As root (CI, containers) Chromium runs only without its sandbox;
		// the page it loads is this test's own.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(shotWidth, shotHeight),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "en-US"),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	b := &browser{t: t, ctx: ctx, url: ts.URL}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	// A headless window never has the system's focus, so that :focus
	// would match nothing: the page is told it has it.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *cdppage.EventJavascriptDialogOpening:
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			go chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		case *runtime.EventExceptionThrown:
			b.exceptions = append(b.exceptions, ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.Exception))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// do runs steps, failing the test on error.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// submit clicks the form's button and waits for the page it loads.
func (b *browser) submit(what string) {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.ID("go")))
	if err != nil {
		b.t.Fatalf("%s: submitting: %v", what, err)
	}
	if resp.Status != http.StatusOK {
		b.t.Fatalf("%s: status %d", what, resp.Status)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func (b *browser) wantEval(what, expr string, want any) {
	b.t.Helper()
	switch w := want.(type) {
	case string:
		if got := eval[string](b, expr); got != w {
			b.t.Errorf("%s: %s = %q, want %q", what, expr, got, w)
		}
	case bool:
		if got := eval[bool](b, expr); got != w {
			b.t.Errorf("%s: %s = %v, want %v", what, expr, got, w)
		}
	case int:
		if got := eval[int](b, expr); got != w {
			b.t.Errorf("%s: %s = %d, want %d", what, expr, got, w)
		}
	default:
		panic("wantEval: " + fmt.Sprintf("%T", want))
	}
}

// litState is what lighting an entity did to the page.
type litState struct {
	Lit       int    // elements with the class lit
	Mentions  int    // mentions of the entity
	LitOthers int    // lit elements of another entity
	Entry     bool   // the entity's entry in the list is lit
	Color     string // the lit mention's background
	Status    string // the live region's text
}

const litJS = `(function (id) {
	var all = document.querySelectorAll('.lit');
	var mentions = document.querySelectorAll('a.ent[data-ent="' + id + '"]');
	var others = 0;
	all.forEach(function (el) { if (el.getAttribute('data-ent') !== id) others++; });
	return {
		Lit: document.querySelectorAll('a.ent.lit').length,
		Mentions: mentions.length,
		LitOthers: others,
		Entry: document.getElementById(id).classList.contains('lit'),
		Color: mentions.length ? getComputedStyle(mentions[mentions.length - 1]).backgroundColor : '',
		Status: document.getElementById('lit-status').textContent
	};
})(%q)`

// TestBrowser drives the page in headless Chromium: the two samples
// uploaded, a page's text pasted, a file picked from the disk, and a dump
// of injected markup; it checks the rendered DOM and saves a screenshot
// (to $INSPECT_SCREENSHOT as well when that is set: the README's
// docs/inspector.png is made with INSPECT_SCREENSHOT=../../docs/inspector.png).
func TestBrowser(t *testing.T) {
	start := time.Now()
	s := newServer(t, Config{Dirs: []string{"testdata"}})
	b := newBrowser(t, s)
	t.Logf("chromium started in %v", time.Since(start).Round(time.Millisecond))

	// 1. The two samples, uploaded together.
	var files []string
	for _, p := range samples {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, abs)
	}
	b.do("loading the page", chromedp.Navigate(b.url), chromedp.WaitVisible(chromedp.ID("files")))
	b.do("choosing the samples", chromedp.SetUploadFiles(chromedp.ID("files"), files))
	b.submit("the samples")

	b.wantEval("the title line", `document.getElementById('in0-L1').className`, "line role-title")
	// The reason is the library's wording; that there is one is the page's.
	b.wantEval("the title line's reason", `/^title: \S/.test(document.getElementById('in0-L1').title)`, true)
	b.wantEval("the font-size widget", `document.getElementById('in0-L5').className`, "line role-chrome")
	b.wantEval("a repeated caption", `document.getElementById('in0-L4').className`, "line role-repeat")
	b.wantEval("articles", `document.querySelectorAll('article.art').length`, 4)

	// The story both samples carry is one cluster: kept in the first,
	// its copy in the second, compared side by side.
	b.wantEval("clusters", `document.querySelectorAll('li.cluster').length`, 1)
	cluster := eval[string](b, `document.getElementById('cluster-1').textContent`)
	for _, want := range []string{"Kept: Pro-Iran Factions in Iraq Dismiss Blinken’s Message to Tehran",
		"000_9e4be9335a49f043.txt:1", "001_9335ce0f20af1e91.txt:1", "similarity 1.00", "100% of its words shared"} {
		if !strings.Contains(cluster, want) {
			t.Errorf("the cluster lacks %q:\n%s", want, cluster)
		}
	}
	b.wantEval("shared passages", `document.querySelectorAll('#cluster-1 .side mark.shared').length > 0`, true)
	b.wantEval("the copy's note", `document.getElementById('a2').querySelector('.dup').textContent`, "a copy of article 1")

	// Keyboard: the reason shows on focus; the arrow keys move between
	// lines with a role (line 2 is blank).
	b.wantEval("line 1's reason before focus", `getComputedStyle(document.querySelector('#in0-L1 .why')).position`, "absolute")
	b.do("focusing line 1", chromedp.Focus(chromedp.ID("in0-L1")))
	b.wantEval("the focused line's reason", `getComputedStyle(document.querySelector('#in0-L1 .why')).position`, "static")
	b.wantEval("an unfocused line's reason", `getComputedStyle(document.querySelector('#in0-L3 .why')).position`, "absolute")
	b.wantEval("the focus outline", `getComputedStyle(document.activeElement).outlineStyle`, "solid")
	b.do("arrow down", chromedp.KeyEvent(kb.ArrowDown))
	b.wantEval("arrow down", `document.activeElement.id`, "in0-L3")
	b.wantEval("one Tab stop per list", `document.querySelectorAll('#in0 li[tabindex="0"]').length`, 1)

	// Entities: a person named more than once; a click lights all its
	// mentions and its entry, Escape turns them off, Enter lights again.
	id := eval[string](b, `(function () {
		var as = document.querySelectorAll('#a0 a.ent[data-type="PERSON"]');
		for (var i = 0; i < as.length; i++) {
			var id = as[i].getAttribute('data-ent');
			if (document.querySelectorAll('a.ent[data-ent="' + id + '"]').length > 2) return id;
		}
		return '';
	})()`)
	if id == "" {
		t.Fatal("no person named three times in the first sample's first article")
	}
	mention := chromedp.CSS(`#a0 .para a.ent[data-ent="` + id + `"]`)
	b.wantEval("the mention's type", `document.querySelector('#a0 .para a.ent[data-ent="`+id+`"]').className`, "ent ent-PERSON")
	b.do("clicking a name", chromedp.ScrollIntoView(mention), chromedp.Click(mention))
	lit := eval[litState](b, fmt.Sprintf(litJS, id))
	if lit.Mentions < 3 || lit.Lit != lit.Mentions || lit.LitOthers != 0 || !lit.Entry {
		t.Errorf("after a click on %s: %+v, want all %d mentions and the entry lit, nothing else", id, lit, lit.Mentions)
	}
	if lit.Color != "rgb(255, 212, 0)" {
		t.Errorf("a lit mention's background is %s", lit.Color)
	}
	if !strings.Contains(lit.Status, fmt.Sprintf("(PERSON): %d mentions lit", lit.Mentions)) {
		t.Errorf("the status says %q", lit.Status)
	}
	t.Logf("%s: %d mentions lit", id, lit.Mentions)
	b.do("the screenshot's size", chromedp.EmulateViewport(shotWidth, shotHeight))
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	b.do("Escape", chromedp.KeyEvent(kb.Escape))
	b.wantEval("after Escape", `document.querySelectorAll('.lit').length`, 0)
	b.do("Enter on a name", chromedp.Focus(mention), chromedp.KeyEvent(kb.Enter))
	if lit := eval[litState](b, fmt.Sprintf(litJS, id)); lit.Lit != lit.Mentions || !lit.Entry {
		t.Errorf("after Enter on %s: %+v", id, lit)
	}

	// Readable at 320 px: nothing wider than the screen, the columns stacked.
	b.do("a narrow screen", chromedp.EmulateViewport(320, 640))
	b.wantEval("at 320 px, the page's width", `document.documentElement.scrollWidth`, 320)
	b.wantEval("at 320 px, the columns", `getComputedStyle(document.querySelector('.columns')).gridTemplateColumns.split(' ').length`, 1)
	b.do("a wide screen", chromedp.EmulateViewport(shotWidth, shotHeight))

	checkScreenshot(t, shot)

	// 2. The text of a page, pasted.
	page := readFile(t, "testdata/page_harbour.txt")
	b.do("loading the page", chromedp.Navigate(b.url), chromedp.WaitVisible(chromedp.ID("text")))
	b.do("pasting a page", chromedp.SetValue(chromedp.ID("text"), page))
	b.submit("the page")
	b.wantEval("the menu's first line", `document.getElementById('in0-L1').className`, "line role-navigation")
	b.wantEval("a menu item", `document.getElementById('in0-L3').dataset.role`, "navigation")
	b.wantEval("the headline", `document.getElementById('in0-L12').className`, "line role-title")
	b.wantEval("the byline", `document.getElementById('in0-L14').className`, "line role-byline")
	b.wantEval("the date", `document.getElementById('in0-L16').className`, "line role-date")
	b.wantEval("the footer", `document.getElementById('in0-L39').className`, "line role-footer")
	b.wantEval("the article's title", `document.querySelector('#a0 .art-title').textContent`, "Ferry service to Kessel Island resumes after storm repairs")
	b.wantEval("the article's authors", `document.querySelector('#a0 .authors').textContent`, "By Anna Lindqvist")
	b.wantEval("the article's date", `document.querySelector('#a0 time').getAttribute('datetime')`, "2025-03-14T09:15:00")
	b.wantEval("a person in the body", `Array.from(document.querySelectorAll('#a0 a.ent[data-type="PERSON"]')).some(function (a) { return a.textContent === 'Peter Halvorsen'; })`, true)
	b.wantEval("no clusters for one article", `document.getElementById('clusters') === null`, true)

	// 3. The same page, picked from the directory named on the command line.
	b.do("loading the page", chromedp.Navigate(b.url))
	if _, err := chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.CSS(`a.file[href*="page_harbour.txt"]`))); err != nil {
		t.Fatalf("picking a file: %v", err)
	}
	b.wantEval("a file picked", `document.getElementById('in0-h').textContent`, "testdata/page_harbour.txt")
	b.wantEval("a file picked: its headline", `document.getElementById('in0-L12').className`, "line role-title")

	// 4. Injected markup, pasted and in an uploaded file's name, stays text.
	dir := t.TempDir()
	evil := filepath.Join(dir, injectImg+".txt")
	if err := os.WriteFile(evil, []byte(injectionDump), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do("loading the page", chromedp.Navigate(b.url), chromedp.WaitVisible(chromedp.ID("text")))
	b.do("pasting markup", chromedp.SetValue(chromedp.ID("text"), injectionDump), chromedp.SetUploadFiles(chromedp.ID("files"), []string{evil}))
	b.submit("the markup")
	time.Sleep(300 * time.Millisecond) // time for an injected image's onerror to fire
	b.wantEval("img elements", `document.querySelectorAll('img').length`, 0)
	b.wantEval("elements with onerror", `document.querySelectorAll('[onerror]').length`, 0)
	b.wantEval("scripts", `Array.from(document.scripts).map(function (s) { return s.getAttribute('src'); }).join(',')`, "/static/inspect.js")
	b.wantEval("the injected title, as text", `document.querySelector('#a0 .art-title').textContent`, injectScript+" headline "+injectImg)
	b.wantEval("the injected title line, as text", `document.querySelector('#in0-L1 .text').textContent`, injectScript+" headline "+injectImg)
	// Chromium sends the name's " as %22 (the HTML standard's multipart
	// encoding); the rest arrives as it was.
	b.wantEval("the uploaded file's name, as text", `document.getElementById('in1-h').textContent.endsWith('><img src=x onerror=alert(1)>.txt')`, true)
	b.wantEval("the page's title", `document.title.indexOf('><img src=x onerror=alert(1)>.txt') >= 0`, true)
	b.wantEval("the body's text", `document.body.textContent.indexOf(`+fmt.Sprintf("%q", "The body names ")+`) >= 0 && document.body.textContent.indexOf(`+fmt.Sprintf("%q", injectScript+" and "+injectImg)+`) >= 0`, true)

	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.dialogs) > 0 {
		t.Errorf("the page opened dialogs: %q", b.dialogs)
	}
	if len(b.exceptions) > 0 {
		t.Errorf("the page threw: %q", b.exceptions)
	}
	t.Logf("the browser test took %v", time.Since(start).Round(time.Millisecond))
}

// checkScreenshot checks that a screenshot is a PNG of the window's size
// and of a plausible number of bytes, saves it to a temporary directory,
// and to $INSPECT_SCREENSHOT when that is set.
func checkScreenshot(t *testing.T, shot []byte) {
	t.Helper()
	if !bytes.HasPrefix(shot, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("the screenshot is not a PNG: % x", shot[:min(8, len(shot))])
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot: %v", err)
	}
	if cfg.Width != shotWidth || cfg.Height != shotHeight {
		t.Errorf("the screenshot is %dx%d, want %dx%d", cfg.Width, cfg.Height, shotWidth, shotHeight)
	}
	// A blank window is a few KB; text, colours and highlights are more.
	if n := len(shot); n < 30<<10 || n > 4<<20 {
		t.Errorf("the screenshot is %d bytes, want 30 KiB to 4 MiB", n)
	}
	path := filepath.Join(t.TempDir(), "inspector.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes, %dx%d)", path, len(shot), cfg.Width, cfg.Height)
	if out := os.Getenv("INSPECT_SCREENSHOT"); out != "" {
		if err := os.WriteFile(out, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot written to %s", out)
	}
}
