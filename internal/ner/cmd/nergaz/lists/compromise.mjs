// Writes compromise-orgs.txt and compromise-teams.txt beside this file:
// the words that the lexicon of the npm package compromise (MIT licence,
// Copyright (c) 2019 Spencer Kelly) tags Organization and SportsTeam,
// sorted, one a line. Run from this folder after
//
//	npm pack compromise@14.17.0 && tar xzf compromise-14.17.0.tgz
//	node compromise.mjs package
//
// The lists are kept in the repository so that "go generate
// ./internal/ner" needs no network.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const dir = process.argv[2] || 'package'
const nlp = (await import(resolve(dir, 'builds/three/compromise-three.mjs'))).default
const lex = nlp.model().one.lexicon
for (const [tag, file] of [['Organization', 'compromise-orgs.txt'], ['SportsTeam', 'compromise-teams.txt']]) {
  const out = []
  for (const [w, t] of Object.entries(lex)) {
    if ((Array.isArray(t) ? t : [t]).includes(tag)) out.push(w)
  }
  out.sort()
  writeFileSync(file, out.join('\n') + '\n')
}
