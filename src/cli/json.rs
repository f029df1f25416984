//! The `--json` shapes. They are part of townhall's interface (documented in the README):
//! add fields if needed, never rename or remove them.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Community, Group, GroupKind, Status};
use crate::search::{Field, Hit};

/// Invisible characters are written as `\u` escapes (see `untrusted::json`).
pub fn write(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    crate::untrusted::json::write_pretty(out, value)
}

/// One row of `list --json`.
#[derive(Serialize)]
pub struct GroupSummary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub community: &'a str,
    pub kind: GroupKind,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mission: Option<&'a str>,
}

impl<'a> GroupSummary<'a> {
    pub fn of(g: &'a Group) -> Self {
        GroupSummary {
            id: &g.id,
            name: &g.name,
            community: &g.community,
            kind: g.kind,
            status: g.status,
            successor: g.successor.as_deref(),
            mission: g.mission.as_deref(),
        }
    }
}

/// One row of `search --json`: the group, and where and how the query matched it.
#[derive(Serialize)]
pub struct SearchHit<'a> {
    pub rank: usize,
    pub score: i64,
    #[serde(flatten)]
    pub group: GroupSummary<'a>,
    pub field: Field,
    pub text: &'a str,
    /// Character (not byte) offsets into `text` of the matched characters.
    pub positions: &'a [usize],
}

impl<'a> SearchHit<'a> {
    pub fn of(rank: usize, hit: &'a Hit, group: &'a Group) -> Self {
        SearchHit {
            rank,
            score: hit.score,
            group: GroupSummary::of(group),
            field: hit.field,
            text: &hit.text,
            positions: &hit.positions,
        }
    }
}

/// `show --json`: the whole group, with its community spelled out instead of only its id.
pub fn group_with_community(group: &Group, community: Option<&Community>) -> serde_json::Value {
    let mut value = serde_json::to_value(group).expect("the model serializes to JSON");
    let community = match community {
        Some(c) => serde_json::json!({
            "id": c.id,
            "name": c.name,
            "homepage": c.homepage,
            "links": c.links,
        }),
        None => serde_json::json!({ "id": group.community }),
    };
    value["community"] = community;
    value
}
