//! townhall: browse the working groups of open-source communities from the terminal.
//!
//! The modules are public so the CLI, the TUI, the tests and the benchmarks share one core.

pub mod agenda;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod formats;
pub mod ics;
pub mod links;
pub mod model;
pub mod owner;
pub mod present;
pub mod projects;
pub mod registry;
pub mod schedule;
pub mod search;
pub mod state;
pub mod text;
pub mod tui;
pub mod untrusted;
pub mod yaml;
