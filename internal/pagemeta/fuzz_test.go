package pagemeta

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"By Riley Stuart and Michelle Rimmer in London",
	"Published July 5, 2024 8:22am EDT",
	"Nov. 19, 2019 / 8:03 AM ET",
	"Tuesday 19 November 2019 10.02 GMT",
	"Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago",
	"2019-11-19T09:02:00+01:00",
	"11/19/19 06:56 AM EST",
	"Fans at the rally. (Photo by John Doe / AFP)",
	"The bridge. Jane Roe/Getty Images",
	"Written by Sam Hill, MS, RD on March 2, 2020",
	"2018年8月16日",
	"By Nora WittNEWSCorp",
	"( Reuters: Ann Lee/Pool )",
	"",
	"By",
	"9",
}

func FuzzByline(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		authors, ok := Byline(line)
		if !ok && authors != nil {
			t.Fatalf("Byline(%q) = %q without ok", line, authors)
		}
		for _, a := range authors {
			if a == "" || !strings.Contains(line, a) {
				t.Fatalf("Byline(%q): author %q is not a substring", line, a)
			}
		}
		names, ok := Name(line)
		for _, a := range names {
			if !ok || a == "" || !strings.Contains(line, a) {
				t.Fatalf("Name(%q): %q", line, a)
			}
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		iso, kind, ok := Date(line)
		if ok {
			if _, err := ParseISO(iso); err != nil {
				t.Fatalf("Date(%q) = %q: %v", line, iso, err)
			}
			if kind > KindUpdated {
				t.Fatalf("Date(%q): kind %d", line, kind)
			}
		} else if iso != "" {
			t.Fatalf("Date(%q) = %q without ok", line, iso)
		}
		for from := 0; ; {
			m, ok := NextDate(line, from)
			if !ok {
				break
			}
			if m.Start < from || m.End <= m.Start || m.End > len(line) {
				t.Fatalf("NextDate(%q, %d): span %d..%d", line, from, m.Start, m.End)
			}
			if _, err := ParseISO(m.ISO); err != nil {
				t.Fatalf("NextDate(%q) = %q: %v", line, m.ISO, err)
			}
			from = m.End
		}
	})
}

func FuzzCredit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		text, credit, ok := Credit(line)
		if ok {
			if credit == "" || !strings.Contains(line, credit) {
				t.Fatalf("Credit(%q): credit %q is not a substring", line, credit)
			}
			if !strings.Contains(line, text) {
				t.Fatalf("Credit(%q): text %q is not a substring", line, text)
			}
		}
		if c, ok := CreditLine(line); ok && (c == "" || !strings.Contains(line, c)) {
			t.Fatalf("CreditLine(%q): credit %q is not a substring", line, c)
		}
	})
}
