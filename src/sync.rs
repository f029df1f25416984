//! `townhall sync`: fetch the sources, validate each copy before it replaces the last good
//! one, and remember what the servers said so the next sync costs a "not modified" when
//! nothing changed. Sources are fetched in parallel, one thread each; a source that fails
//! keeps its last good copy and never stops the others.

mod check;
pub mod fetch;
mod run;
pub mod settings;

pub use check::{Rejection, accept, looks_like_html};
pub use run::{Outcome, Status, sync};
pub use settings::{Settings, SyncFile};
