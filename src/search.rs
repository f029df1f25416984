//! Finding groups by what people remember about them: a project, a repo, a lead, a channel.
//!
//! A query (`query`, fzf's extended syntax) is matched against each group's strings, prepared
//! once per registry (`store`, `fold`, `summary`). A term found as one run is scored from how it
//! sits in the text (`run`); scattered chars are estimated, and the chosen field of a group is
//! scored by SkimMatcherV2 (`scattered`); `matching` picks which applies after cheap checks
//! that skip most strings unread (`scan` holds the byte-level searches). A match first gets a
//! tier from what it says the person meant (`tier`: naming the group, a whole word, a run,
//! a typo (`typo`), scattered letters), then a score that weighs each field by how much a
//! match there says (`fields`); `hit` scores a group and names the field that best explains
//! it; `index` ranks groups, across threads for large registries, and cuts the tail.
//! Positions are char indices into the field's original text, so a view can highlight them
//! without knowing how matching works.
//!
//! Case and accents: a term with an uppercase letter matches case-sensitively; otherwise case
//! and common Latin accents are ignored. Folding is char for char so highlight indices never
//! drift (see `fold`).

mod fields;
mod fold;
mod hit;
mod index;
mod matching;
mod narrows;
mod query;
mod run;
mod scan;
mod scattered;
mod store;
mod summary;
mod tier;
mod typo;
mod words;

pub use fields::Field;
pub use hit::Hit;
pub use index::SearchIndex;
pub use matching::{TextIndex, TextMatch};
pub use query::{Query, TooLong};
