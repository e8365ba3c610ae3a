// Package newsdump turns scraped news text dumps into clean articles.
package newsdump
