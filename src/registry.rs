//! Loading: where registry files come from, how each is read and checked, and how they
//! combine into one [`crate::model::Registry`]. The top of the loading layer: it may use
//! `formats`, `yaml`, `schedule` and `links`, and nothing below it imports it.

pub mod builtin;
pub mod health;
pub mod load;
pub mod patch;
pub mod references;
pub mod snapshot;
pub mod supplement;
pub mod validate;

pub use load::{Loaded, Sources, load};
