//! Finding groups by what people remember about them: a project, a repo, a lead, a channel.
//!
//! Queries use fzf's extended syntax (`query`), are matched field by field against text
//! prepared once per registry (`fields`, `fold`), scored per field with SkimMatcherV2's scale
//! plus bonuses for whole words (`matching`), and ranked with field weights (`index`). Every
//! hit says which field matched and which chars, as char indices into that field's original
//! text, so the view can highlight without knowing how matching works.
//!
//! Case and accents: a term with an uppercase letter matches case-sensitively; otherwise case
//! and common Latin accents are ignored. Folding is char for char so highlight indices never
//! drift (see `fold`).

mod fields;
mod fold;
mod index;
mod matching;
mod narrows;
mod query;
mod run;
mod scan;
mod scattered;
mod summary;

pub use fields::Field;
pub use index::{Hit, SearchIndex};
pub use matching::TextMatch;
pub use query::Query;
