// Filler in a search query: words that say how a person asks, not what about
// ("how do i", "what is", "X vs Y"). They are dropped unless nothing else is left.
export const QUERY_FILLER: ReadonlySet<string> = new Set(
  `a an the and or nor of to in on at for with by from about into onto between is are was were be been being am do does did
  doing done how what whats when where why which who whom whose can could should would will shall may might must i im me my
  we our us you your it its this that these those there their they them he she his her vs versus v ve ll re s t
  than there's it's what's how's tell please some any`
    .split(/\s+/)
    .filter(Boolean),
);
