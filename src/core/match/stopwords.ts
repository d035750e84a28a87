// Function words carry no evidence about which event an article reports. The list is short
// on purpose: words like "police" or "shooting" are left to the corpus's document
// frequencies, which know better than a fixed list how common they are. Spelled numbers are
// not here: they are read as numbers ("six" = "#6", tokenize.ts).
export const STOPWORDS = new Set(
  `a about above after again against all almost also although always am among an and another any anyone anything are
around as at be became because become been before being below between both but by can cannot could did do does doing
done down during each either else even ever every few for from further get gets got had has have having he her here
hers herself him himself his how however i if in into is it its itself just least less like made make many may me might
more most much must my myself neither no nor not now of off often on once one only or other others our ours ourselves
out over own per perhaps quite rather really same say said says see seen shall she should since so some something still
such than that the their theirs them themselves then there these they this those though through thus to too toward
towards under until up upon us very via was we well were what whatever when whenever where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves it's that's there's he's she's they're
we're i'm don't doesn't didn't isn't wasn't aren't weren't won't can't couldn't shouldn't wouldn't haven't hasn't
hadn't let's also told according mr mrs ms dr first second new year years
week day days time last next including include includes`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that are not names even when they never appear in lower case. */
export const NOT_NAMES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st jr sr i
advertisement copyright photo video image caption click share comments read more related story update updated
breaking news posted published associated press reuters ap afp am pm edt est cdt cst mdt mst pdt pst gmt utc bst cet cest`.split(/\s+/).filter(Boolean),
);
