// Words that never make a key term on their own: function words, and the
// verbs and vague words reference answers are written with ("provides",
// "allows", "various"). Lower case.
const STOP_WORD_TEXT = `a about above across after again against all almost along also although always among an and another any are around as at
  be because been before being below between both but by can cannot could did do does doing done down during each either
  else enough etc even ever every few for from further had has have having he her here how however i if in into is it its
  itself just least less like many may me might more most much must my near neither no nor not now of off often on once
  one only onto or other others our out over own per perhaps rather same several she should since so some such than that
  the their them themselves then there these they this those though through thus to too toward under unless until up upon
  us very via vs was we well were what when where whether which while who whom whose why will with within without would yet
  you your e.g i.e eg ie
  use uses used using provide provides provided providing include includes included including allow allows allowed allowing
  enable enables enabled enabling help helps helped helping support supports supported supporting make makes made making
  let lets leverage leverages leveraged leveraging run runs ran running define defines defining ensure ensures ensuring
  offer offers offered offering apply applies applying check checks checking look looks looking examine examines review
  reviews create creates created creating configure configures configuring update updates implement implements
  integrate integrates integrated integrating optimize optimizes distribute distributes pass passes passing set sets
  specify specifies specifying need needs needed require requires required requiring get gets got give gives given
  take takes taken go goes become becomes involve involves focus focuses focused handle handles handling manage
  manages managed add adds added build builds built work works worked keep keeps kept show shows find finds finding
  see seen call called known based related associated able way ways thing things lot lots kind kinds type types
  various different specific certain multiple new main key core common typical simple easy easier ideal useful
  important essential crucial critical good best better high higher low lower large larger small smaller more less
  stay stays suits suit aids aid serves serve acts act plays play describes refers means stands lies
  tracks stores captures displays enforces abstracts introduces deploys deploy packages isolates removes stops
  tests selects builds degrades reduces automates automate automating automated facilitating facilitates simplifies simplify
  focuses comparing compare comparison feeding prepare preparing attaching attach reuses speeding enhancing maintain
  maintaining validating combat scale scales behind previous
  monitor trigger interpret isolate customize customizes split store track display test log
  together single possible available compile option options yes`;

let stopWords: ReadonlySet<string> | undefined;

/** Made on first use: every command that reads a deck loads this module, and few of them ask. */
export const STOP_WORDS: Pick<ReadonlySet<string>, 'has'> = {
  has: (word) => (stopWords ??= new Set(STOP_WORD_TEXT.split(/\s+/).filter(Boolean))).has(word),
};
