//! The registry as plain data, at the bottom of townhall: every other module may read these
//! types, and this module reads nothing of townhall's (tests/architecture.rs checks it).
//!
//! Loading (`registry::load`) fills them in; nothing below the loading layer knows about YAML
//! or terminals, and nothing above it re-reads what a file wrote.

mod group;
mod origins;
mod pos;
mod problem;
mod registry;
mod rule;
mod schedule;

pub use group::{
    Chat, ChatKind, Community, CommunityFile, Group, GroupKind, Lead, Link, LinkKind, Meeting,
    Phone, Project, Source, Status, Toll,
};
pub use origins::Origins;
pub use pos::Pos;
pub use problem::{Problem, Severity};
pub use registry::Registry;
pub use rule::{MonthDay, Nth, Pattern, Rule};
pub use schedule::{Frequency, ScheduleSpec, When};
