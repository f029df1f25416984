//! Loading, validating and holding the group registry.

pub mod model;

pub use model::*;
