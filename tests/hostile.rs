//! The hostile suite (issue 10): files, arguments, environment and signals an attacker
//! controls, run through the built binary (and a real terminal where the attack is on the
//! terminal), each child under a 1 GiB address-space limit and a deadline; plus property
//! tests that feed generated input to the YAML reader and the published-time reader.
//!
//! Every case checks the same promises: nothing a terminal would act on or hide reaches
//! stdout or stderr, nothing panics, every bound names itself, and nothing is dropped
//! without a message naming where.

#[path = "hostile/bounds.rs"]
mod bounds;
#[path = "hostile/fuzz.rs"]
mod fuzz;
#[path = "hostile/injection.rs"]
mod injection;
#[path = "hostile/messages.rs"]
mod messages;
#[path = "hostile/support.rs"]
mod support;
#[cfg(unix)]
#[path = "hostile/terminal.rs"]
mod terminal;
