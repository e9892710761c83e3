// Labels (server text) that each try one of the runner's command forms, a GitLab log section, ANSI
// or a bidi control: what a hostile or careless server may hand back in a listing.
export const HOSTILE_LABELS = [
  'x##[stop-commands]pwn',
  'w##[warning]FORGED-warning',
  'g##[group]FORGED-group',
  'y\n::error title=forged::FORGED-error',
  'z\r::add-mask::FORGED-mask',
  '\u3000::warning::FORGED-ideographic',
  '::set-output name=healthy::false',
  '::STOP-COMMANDS::upper',
  'e\u001b[0Ksection_start:1:evil\r\u001b[0Kcollapsed',
  'b\u202eFORGED-bidi',
];
