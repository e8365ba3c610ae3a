package pagemeta

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The lines below are written for these tests, in the styles of real
// templates; none is copied from a page.

func TestByline(t *testing.T) {
	tests := []struct {
		line string
		want []string
		ok   bool
	}{
		{"By Riley Stuart and Michelle Rimmer in London", []string{"Riley Stuart", "Michelle Rimmer"}, true},
		{"/ By Laura Tingle", []string{"Laura Tingle"}, true},
		{"By Paul Steinhauser Fox News", []string{"Paul Steinhauser"}, true},
		{"By JOHN SMITH, Associated Press", []string{"JOHN SMITH"}, true},
		{"Written by Jane Doe | Updated 5:00 PM ET, Tue November 19, 2019", []string{"Jane Doe"}, true},
		{"Jane Doe, Reuters", []string{"Jane Doe"}, true},
		{"Jane Doe, The Lakeside Ledger", []string{"Jane Doe"}, true},
		{"Authors: Ann Lee, Bob Stone and Cara Mills", []string{"Ann Lee", "Bob Stone", "Cara Mills"}, true},
		{"By Ann Lee, Bob Stone, and Cara Mills", []string{"Ann Lee", "Bob Stone", "Cara Mills"}, true},
		{"By Ann Lee & Bob Stone", []string{"Ann Lee", "Bob Stone"}, true},
		{"Posted by admin", nil, true},
		{"By Staff Reports -", nil, true},
		{"By Staff and agencies", nil, true},
		{"By The Associated Press", nil, true},
		{"By REUTERS", nil, true},
		{"By CITY HERALD STAFF", nil, true},
		{"* by Mark Evans", []string{"Mark Evans"}, true},
		{"by Mark Evans — March 3, 2020", []string{"Mark Evans"}, true},
		{"By Dana Holt - 3/4/20 10:15 AM EST", []string{"Dana Holt"}, true},
		{"By Ron Vale, Tribune Staff", []string{"Ron Vale"}, true},
		{"By Ron Vale | City Gazette", []string{"Ron Vale"}, true},
		{"By Kim Lo, CNN Business", []string{"Kim Lo"}, true},
		{"By Ted Ames, Springfield.com", []string{"Ted Ames"}, true},
		{"By Ted Ames Senior Political Writer", []string{"Ted Ames"}, true},
		{"By Lee Park on Monday, May 4th, 2020 at 9:00 a.m.", []string{"Lee Park"}, true},
		{"Posted on March 2, 2020 by Amy Roe", []string{"Amy Roe"}, true},
		{"9:15 AM PST 3/2/2020 by Amy Roe", []string{"Amy Roe"}, true},
		{"Written by Sam Hill, MS, RD on March 2, 2020", []string{"Sam Hill"}, true},
		{"By Ludwig van der Berg", []string{"Ludwig van der Berg"}, true},
		{"By Ahmad bin Yusof", []string{"Ahmad bin Yusof"}, true},
		{"By Mary J. Blige", []string{"Mary J. Blige"}, true},
		{"By Sean O'Connor", []string{"Sean O'Connor"}, true},
		{"Von Karl Meier publiziert am 3. März 2020", []string{"Karl Meier"}, true},
		{"By Nora DeWitt", []string{"Nora DeWitt"}, true},
		{"By Nora WittNEWSCorp", []string{"Nora Witt"}, true},
		{"Nora Witt @norawitt", []string{"Nora Witt"}, true},
		{"Nora Witt@NoraWitt", []string{"Nora Witt"}, true},
		{"Nora Witt - Mar 2, 2020, 8:15 pm CST", []string{"Nora Witt"}, true},
		{"Nora Witt, AP Science Writer", []string{"Nora Witt"}, true},
		{"By Nora Witt noraw@example.com", []string{"Nora Witt"}, true},
		{"by Regan March 2, 2020", []string{"Regan"}, true},
		// Not bylines.
		{"By the end of the year, prices had doubled.", nil, false},
		{"By Monday, the company had closed two plants.", nil, false},
		{"By Barack Obama's second term the deficit had fallen.", nil, false},
		{"By Donald Trump standards, this was mild.", nil, false},
		{"By Any Means Necessary: a review", nil, false},
		{"Posted in Politics", nil, false},
		{"Top Stories", nil, false},
		{"Jane Doe", nil, false},
		{"Hong Kong, China", nil, false},
		{"The law was passed by Congress in 2019.", nil, false},
		{"T R D NATIONAL /", nil, false},
		{"Price: $3.50", nil, false},
		{"Arsenal 3-1 Chelsea", nil, false},
		{strings.Repeat("By Jane Doe ", 30), nil, false},
	}
	for _, tt := range tests {
		got, ok := Byline(tt.line)
		if ok != tt.ok {
			t.Errorf("Byline(%q) ok = %v, want %v (got %q)", tt.line, ok, tt.ok, got)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Byline(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestName(t *testing.T) {
	tests := []struct {
		line string
		want []string
		ok   bool
	}{
		{"Jane Doe", []string{"Jane Doe"}, true},
		{"* Jane Doe", []string{"Jane Doe"}, true},
		{"Jane Q. Doe", []string{"Jane Q. Doe"}, true},
		{"Jane Doe, Business Insider", []string{"Jane Doe"}, true},
		{"Jane Doe Lakeside Today", []string{"Jane Doe"}, true},
		{"Jane Doe @janedoe", []string{"Jane Doe"}, true},
		{"Jane Doe in Lisbon", []string{"Jane Doe"}, true},
		{"Jane Doe and John Roe in New York", []string{"Jane Doe", "John Roe"}, true},
		{"Jane Doe in the rain", nil, false},
		{"Jane Doe in Lisbon said", nil, false},
		{"Top Stories", nil, false},
		{"BREAKING NEWS", nil, false},
		{"Local News", nil, false},
		{"Jane", nil, false},
		{"Ann Lee North Diving", nil, false},
		{"Jane Doe is a reporter.", nil, false},
	}
	for _, tt := range tests {
		got, ok := Name(tt.line)
		if ok != tt.ok {
			t.Errorf("Name(%q) ok = %v, want %v (got %q)", tt.line, ok, tt.ok, got)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Name(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		line string
		iso  string
		kind Kind
		ok   bool
	}{
		{"Published July 5, 2024 8:22am EDT", "2024-07-05T08:22:00-04:00", KindPublished, true},
		{"November 19, 2019", "2019-11-19", KindUnknown, true},
		{"Nov. 19, 2019 / 8:03 AM ET", "2019-11-19T08:03:00-05:00", KindUnknown, true},
		{"Jul. 19, 2019 / 8:03 AM ET", "2019-07-19T08:03:00-04:00", KindUnknown, true},
		{"March 10, 2019 1:30 AM ET", "2019-03-10T01:30:00-05:00", KindUnknown, true},
		{"March 10, 2019 3:30 AM ET", "2019-03-10T03:30:00-04:00", KindUnknown, true},
		{"Nov 3, 2019 1:30 AM PT", "2019-11-03T01:30:00-07:00", KindUnknown, true},
		{"Nov 3, 2019 2:30 AM PT", "2019-11-03T02:30:00-08:00", KindUnknown, true},
		{"April 2, 2005 10:00 AM CT", "2005-04-02T10:00:00-06:00", KindUnknown, true},
		{"April 4, 2005 10:00 AM CT", "2005-04-04T10:00:00-05:00", KindUnknown, true},
		{"19 November 2019 09:02 GMT", "2019-11-19T09:02:00Z", KindUnknown, true},
		{"2019-11-19T09:02:00Z", "2019-11-19T09:02:00Z", KindUnknown, true},
		{"2019-11-19T09:02:00+01:00", "2019-11-19T09:02:00+01:00", KindUnknown, true},
		{"2019-11-19 09:02", "2019-11-19T09:02:00", KindUnknown, true},
		{"11/19/2019", "2019-11-19", KindUnknown, true},
		{"11/19/19 06:56 AM EST", "2019-11-19T06:56:00-05:00", KindUnknown, true},
		{"27/09/2018", "2018-09-27", KindUnknown, true},
		{"03/04/2019", "2019-03-04", KindUnknown, true},
		{"19.11.2019, 08:57", "2019-11-19T08:57:00", KindUnknown, true},
		{"21:17 18.11.2019", "2019-11-18T21:17:00", KindUnknown, true},
		{"Updated 3:04 PM ET, Tue November 19, 2019", "2019-11-19T15:04:00-05:00", KindUpdated, true},
		{"Posted 12h ago", "", KindUnknown, false},
		{"Posted 12h ago · Nov 19, 2019 10:00 UTC", "2019-11-19T10:00:00Z", KindPublished, true},
		{"Tuesday 19 November 2019 10.02 GMT", "2019-11-19T10:02:00Z", KindUnknown, true},
		{"First published on Tue 19 Nov 2019 10.02 GMT", "2019-11-19T10:02:00Z", KindPublished, true},
		{"Last modified on Tue 19 Nov 2019 12.40 GMT", "2019-11-19T12:40:00Z", KindUpdated, true},
		{"Tue 19 Nov 2019 10.02 GMT Last modified on Tue 19 Nov 2019 12.40 GMT", "2019-11-19T10:02:00Z", KindUnknown, true},
		{"Updated: 18 Nov 2019 9:38 pm Posted: 18 Nov 2019 8:11 pm", "2019-11-18T20:11:00", KindPublished, true},
		{"Published 11:11 PM EST Nov 19, 2019", "2019-11-19T23:11:00-05:00", KindPublished, true},
		{"PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "2019-11-19T10:48:00", KindPublished, true},
		{"Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19T03:39:00Z", KindUpdated, true},
		{"Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "2019-11-20T04:29:00-05:00", KindPublished, true},
		{"Nov. 18th 2019 8:54 am PT", "2019-11-18T08:54:00-08:00", KindUnknown, true},
		{"Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08:00", KindUnknown, true},
		{"Nov 20 2019, 10:18am ist", "2019-11-20T10:18:00+05:30", KindUnknown, true},
		{"Nov 20, 2019 01:38 pm IST", "2019-11-20T13:38:00+05:30", KindUnknown, true},
		{"sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00", KindUnknown, true},
		{"Posted on Maret 30, 2015 by Admin", "2015-03-30", KindPublished, true},
		{"publiziert am 25. September 2018", "2018-09-25", KindPublished, true},
		{"2018年8月16日", "2018-08-16", KindUnknown, true},
		{"12:30 pm AEDT 3 March 2020", "2020-03-03T12:30:00+11:00", KindUnknown, true},
		{"3 March 2020 12:30 JST", "2020-03-03T12:30:00+09:00", KindUnknown, true},
		{"3 March 2020 12:30 +0100", "2020-03-03T12:30:00+01:00", KindUnknown, true},
		{"3 March 2020 12:30 GMT+1", "2020-03-03T12:30:00+01:00", KindUnknown, true},
		{"By Jane Doe | November 19, 2019 | 5 min read", "2019-11-19", KindUnknown, true},
		{"Air Date: November 18, 2019", "2019-11-18", KindUnknown, true},
		// Not date lines.
		{"The council met on November 19, 2019, and voted to close the library after a long and heated debate.", "", 0, false},
		{"May Day rally draws thousands", "", 0, false},
		{"March Madness: the 2019 bracket", "", 0, false},
		{"Posted in Politics", "", 0, false},
		{"Price: $3.50", "", 0, false},
		{"Arsenal 3-1 Chelsea", "", 0, false},
		{"Version 10.15.2", "", 0, false},
		{"Call 555-1234", "", 0, false},
		{"Nov 19, 6:55 AM", "", 0, false},
		{"February 30, 2019", "", 0, false},
		{"13/13/2019", "", 0, false},
		{"03-04-2019", "", 0, false},
	}
	for _, tt := range tests {
		iso, kind, ok := Date(tt.line)
		if ok != tt.ok {
			t.Errorf("Date(%q) ok = %v, want %v (got %q)", tt.line, ok, tt.ok, iso)
			continue
		}
		if !ok {
			continue
		}
		if diff := cmp.Diff(struct {
			ISO  string
			Kind Kind
		}{tt.iso, tt.kind}, struct {
			ISO  string
			Kind Kind
		}{iso, kind}); diff != "" {
			t.Errorf("Date(%q) (-want +got):\n%s", tt.line, diff)
		}
		if _, err := ParseISO(iso); err != nil {
			t.Errorf("ParseISO(%q): %v", iso, err)
		}
	}
}

func TestDateIn(t *testing.T) {
	tests := []struct {
		text string
		want DateMatch
		ok   bool
	}{
		{"By Jane Doe | November 19, 2019 | 5 min read", DateMatch{ISO: "2019-11-19", Start: 14, End: 31}, true},
		{"The council met on November 19, 2019, and voted.", DateMatch{ISO: "2019-11-19", Start: 19, End: 36}, true},
		{"Updated at 4:05 PM ET on Nov 3, 2019", DateMatch{ISO: "2019-11-03T16:05:00-05:00", Kind: KindUpdated, Start: 11, End: 36, HasTime: true, HasZone: true}, true},
		{"No dates here, just 2019.", DateMatch{}, false},
	}
	for _, tt := range tests {
		got, ok := DateIn(tt.text)
		if ok != tt.ok {
			t.Errorf("DateIn(%q) ok = %v, want %v", tt.text, ok, tt.ok)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("DateIn(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestCredit(t *testing.T) {
	tests := []struct {
		line, text, credit string
		ok                 bool
	}{
		{"Fans wave flags at the rally. (Photo by John Doe / AFP)", "Fans wave flags at the rally.", "John Doe / AFP", true},
		{"The minister arrives. ( Reuters: Ann Lee/Pool )", "The minister arrives.", "Reuters: Ann Lee/Pool", true},
		{"A crowd gathers outside. (Getty Images)", "A crowd gathers outside.", "Getty Images", true},
		{"Fire crews at the scene. (Jane Roe / Associated Press)", "Fire crews at the scene.", "Jane Roe / Associated Press", true},
		{"Fire crews at the scene. (Credit: iStock)", "Fire crews at the scene.", "iStock", true},
		{"The bridge at dusk. Photograph: Jane Roe/Reuters", "The bridge at dusk.", "Jane Roe/Reuters", true},
		{"The bridge at dusk. Photo: Jane Roe", "The bridge at dusk.", "Jane Roe", true},
		{"The bridge at dusk. Jane Roe/Getty Images", "The bridge at dusk.", "Jane Roe/Getty Images", true},
		{"Binge eating disorder (BED) is common.", "", "", false},
		{"Binge eating is common (1)", "", "", false},
		{"He said it was (in his words) fine (mostly)", "", "", false},
		{"Prices rose 3/4 of a point", "", "", false},
	}
	for _, tt := range tests {
		text, credit, ok := Credit(tt.line)
		if ok != tt.ok {
			t.Errorf("Credit(%q) ok = %v, want %v (got %q, %q)", tt.line, ok, tt.ok, text, credit)
			continue
		}
		if diff := cmp.Diff([2]string{tt.text, tt.credit}, [2]string{text, credit}); diff != "" {
			t.Errorf("Credit(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestCreditLine(t *testing.T) {
	tests := []struct {
		line, credit string
		ok           bool
	}{
		{"Image Credit: Jane Roe", "Jane Roe", true},
		{"Photo: Jane Roe/AP", "Jane Roe/AP", true},
		{"Credit: City Archives", "City Archives", true},
		{"(Getty Images)", "Getty Images", true},
		{"Getty Images", "Getty Images", true},
		{"Jane Roe/Getty Images", "Jane Roe/Getty Images", true},
		{"Photo by Jane Roe", "Jane Roe", true},
		{"Reuters", "", false},
		{"Politics", "", false},
		{"Photos", "", false},
		{"The photo was taken at night.", "", false},
	}
	for _, tt := range tests {
		credit, ok := CreditLine(tt.line)
		if ok != tt.ok || credit != tt.credit {
			t.Errorf("CreditLine(%q) = %q, %v; want %q, %v", tt.line, credit, ok, tt.credit, tt.ok)
		}
	}
}

func TestFind(t *testing.T) {
	lines := []string{
		"Wednesday, March 4, 2020",
		"Home News Sports",
		"City council votes to close library",
		"",
		"By",
		"   Ann Lee",
		"",
		"Updated 9:15 AM ET, Wed March 4, 2020",
		"March 3, 2020",
		"5:02 PM",
		"The council voted on Tuesday to close the library.",
	}
	got := Find(lines, 2)
	want := Meta{
		Authors: []string{"Ann Lee"}, AuthorsLine: 4,
		Published: "2020-03-03T17:02:00", PublishedKind: KindUnknown, PublishedLine: 8,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find (-want +got):\n%s", diff)
	}

	lines = []string{
		"Headline of the story",
		"Ann Lee",
		"Monday 6:30PM",
		"Body text starts here and goes on for a while.",
	}
	got = Find(lines, 0)
	if diff := cmp.Diff([]string{"Ann Lee"}, got.Authors); diff != "" {
		t.Errorf("Find bare name (-want +got):\n%s", diff)
	}

	// The page prints only an update stamp, under the byline; the date in
	// the text further down is not the article's.
	lines = []string{
		"Mill reopens after the flood",
		"By Ann Lee | The Valley Post",
		"Updated: 1 March 2024, 14:58",
		"",
		"The mill reopened on Friday, a month after the river broke its banks.",
		"",
		"Workers had cleared the mud from the ground floor by hand.",
		"",
		"The machines were dried and oiled, and two were replaced.",
		"",
		"Its owner, who bought it in 1998, said the repairs had cost more than",
		"the last two years' profits. Written on 10/14/07, revised 07/01/08",
	}
	got = Find(lines, 0)
	want = Meta{
		Authors: []string{"Ann Lee"}, AuthorsLine: 1,
		Published: "2024-03-01T14:58:00", PublishedKind: KindUpdated, PublishedLine: 2,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find with an update stamp only (-want +got):\n%s", diff)
	}
}
