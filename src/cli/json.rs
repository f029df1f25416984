//! The `--json` shapes. They are part of townhall's interface (documented in the README):
//! add fields if needed, never rename or remove them.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Community, Group, GroupKind, Origins, Registry, Status};
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

/// Which file gave each part of a group, in the order `show --json` writes the parts of
/// `value` (the group as [`group_with_community`] gives it): each key, each key of each
/// meeting (`meetings[0].join`) and each detail of the community (`community.name`).
pub fn origins(value: &serde_json::Value, registry: &Registry) -> Vec<(String, String)> {
    let none = Origins::default();
    let id = value["id"].as_str().unwrap_or_default();
    let community_id = value["community"]["id"].as_str().unwrap_or_default();
    let group = registry.origins.get(id).unwrap_or(&none);
    let community = registry
        .community_origins
        .get(community_id)
        .unwrap_or(&none);
    let mut parts = Vec::new();
    let Some(object) = value.as_object() else {
        return parts;
    };
    for (key, v) in object {
        match (key.as_str(), v) {
            ("community", serde_json::Value::Object(details)) => {
                for (k, v) in details {
                    if k != "id" && !v.is_null() {
                        parts.push((format!("community.{k}"), community.of(k).to_string()));
                    }
                }
            }
            ("meetings", serde_json::Value::Array(meetings)) => {
                for (i, m) in meetings.iter().enumerate() {
                    for k in m.as_object().into_iter().flat_map(|m| m.keys()) {
                        let part = format!("meetings[{i}].{k}");
                        let file = group.of(&part).to_string();
                        parts.push((part, file));
                    }
                }
            }
            (key, _) => parts.push((key.to_string(), group.of(key).to_string())),
        }
    }
    parts
}
