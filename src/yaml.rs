//! YAML with positions: a parsed tree that remembers where every value was written, and serde
//! over it, so every problem in a file is reported at once with its line and column. Both
//! townhall's own format (`registry::validate`) and other communities' files (`formats`) are
//! read through it.

pub mod de;
pub mod keys;
pub mod node;

pub use node::{Node, SyntaxError, Value, parse};
