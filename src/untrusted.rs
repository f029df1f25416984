//! Everything that comes from outside townhall (registry files, state and config files, file
//! names, command-line values, the environment, HTTP bodies) is treated as hostile: it may try
//! to drive the terminal, hide text, exhaust memory or stall a read. This module is the
//! boundary: what "invisible" means, the one escaping function every outside byte passes
//! through on its way to a terminal or pipe, the bounded way files are read, and every limit.

pub mod clean;
pub mod escape;
pub mod host;
pub mod invisible;
pub mod json;
pub mod limits;
pub mod output;
pub mod read;

pub use clean::{clean, clean_community, clean_group, is_unsafe};
pub use escape::{Layout, escape, one_line};
pub use invisible::is_invisible;
