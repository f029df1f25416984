//! Finding groups by what people remember about them: a project, a repo, a lead, a channel.
//!
//! A query (`query`, fzf's extended syntax) is matched against each group's strings, prepared
//! once per registry (`store`, `fold`, `summary`). A term found as one run is scored from how it
//! sits in the text (`run`); scattered chars are estimated, and the chosen field of a group is
//! scored by SkimMatcherV2 (`scattered`); `matching` picks which applies after cheap checks
//! that skip most strings unread (`scan` holds the byte-level searches). A group's score
//! weighs each field by how much a match there says (`fields`) and names the field that best
//! explains the hit (`hit`); `index` ranks groups, across threads for large registries.
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
mod words;

pub use fields::Field;
pub use hit::Hit;
pub use index::SearchIndex;
pub use matching::{TextIndex, TextMatch};
pub use query::{Query, TooLong};
