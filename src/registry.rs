//! Loading, validating and holding the group registry.

pub mod builtin;
mod de;
pub mod health;
pub mod load;
pub mod model;
pub mod node;
pub mod problem;
pub mod references;
pub mod untrusted;
pub mod validate;

pub use load::{Loaded, Registry, Sources, load};
pub use model::*;
pub use problem::{Problem, Severity};
