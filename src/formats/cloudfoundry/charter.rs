//! One charter page: a `## Mission` (or `## Charter`) paragraph, a list of goals, and the
//! fenced ```yaml block that CF's own tooling (`parsable-working-groups.sh`) extracts: the
//! group's name, execution and technical leads, bots and areas with their repositories.

use super::markdown::Page;
use crate::formats::{Reader, handles};
use crate::model::Pos;
use crate::yaml::node::{Node, Value, parse};

/// Which headings hold the mission and the goals: working-group charters say "Mission" and
/// "Goals"; the TOC's page says "Charter" and "Activities", the Admin page "Charter" and "Scope".
#[derive(Debug, Clone, Copy)]
pub struct Headings {
    pub mission: &'static str,
    pub goals: &'static str,
}

pub const WORKING_GROUP: Headings = Headings {
    mission: "Mission",
    goals: "Goals",
};

#[derive(Debug, Default)]
pub struct Charter {
    pub mission: Option<String>,
    pub goals: Vec<String>,
    pub roles: Roles,
    /// Whether the page had a YAML block at all.
    pub has_roles: bool,
}

/// The YAML block's content.
#[derive(Debug, Default)]
pub struct Roles {
    pub name: Option<String>,
    pub execution_leads: Vec<Person>,
    pub technical_leads: Vec<Person>,
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub github: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub name: String,
    pub repos: Vec<String>,
}

/// Keys of the YAML block: what townhall reads, and what it knows and leaves out (approvers
/// and reviewers are repository permissions, bots are accounts, `config` is org automation).
const ROLE_KEYS: &[&str] = &[
    "name",
    "org",
    "execution_leads",
    "technical_leads",
    "bots",
    "areas",
    "config",
];
const AREA_KEYS: &[&str] = &["name", "approvers", "reviewers", "bots", "repositories"];

pub fn read(reader: &mut Reader, text: &str, headings: Headings) -> Charter {
    let page = Page::new(text);
    let mut charter = Charter {
        mission: page
            .section(headings.mission)
            .and_then(|s| s.paragraphs().into_iter().next())
            .map(|(_, text)| text)
            .filter(|t| !t.is_empty()),
        goals: page
            .section(headings.goals)
            .map(|s| s.list_items().into_iter().map(|(_, t)| t).collect())
            .unwrap_or_default(),
        ..Charter::default()
    };
    let blocks = page.fenced("yaml");
    let Some((start, block)) = blocks.first() else {
        return charter;
    };
    charter.has_roles = true;
    match parse(block) {
        Ok(mut root) => {
            shift(&mut root, start - 1);
            charter.roles = roles(reader, &root);
        }
        Err(e) => reader.warn(
            Pos {
                line: e.pos.line + start - 1,
                column: e.pos.column,
            },
            format!(
                "the charter's YAML block can't be read ({}); its leads and repositories are left out",
                e.message
            ),
        ),
    }
    charter
}

fn roles(reader: &mut Reader, root: &Node) -> Roles {
    if !matches!(root.value, Value::Map(_)) {
        reader.warn(
            root.pos,
            format!(
                "the charter's YAML block should be a mapping, found {}; ignored",
                root.describe()
            ),
        );
        return Roles::default();
    }
    reader.keys(root, "a charter's YAML block", ROLE_KEYS);
    let people = |reader: &mut Reader, key: &str| {
        let mut people = Vec::new();
        for item in reader.list(root, key) {
            let Some(item) = reader.map_of(item, key) else {
                continue;
            };
            let github = item
                .get("github")
                .and_then(|g| handles::github(reader, g, "github"));
            let name = reader.text(item, "name").or_else(|| github.clone());
            if let Some(name) = name {
                people.push(Person { name, github });
            }
        }
        people
    };
    let execution_leads = people(reader, "execution_leads");
    let technical_leads = people(reader, "technical_leads");
    let mut areas = Vec::new();
    for item in reader.list(root, "areas") {
        let Some(item) = reader.map_of(item, "areas") else {
            continue;
        };
        reader.keys(item, "an area", AREA_KEYS);
        let Some(name) = reader.text(item, "name") else {
            reader.warn(item.pos, "an area without a `name`; ignored");
            continue;
        };
        let mut repos: Vec<String> = Vec::new();
        for repo in reader.list(item, "repositories") {
            if let Some(repo) = handles::repository(reader, repo, "repositories")
                && !repos.contains(&repo)
            {
                repos.push(repo);
            }
        }
        areas.push(Area { name, repos });
    }
    Roles {
        name: reader.text(root, "name"),
        execution_leads,
        technical_leads,
        areas,
    }
}

/// Moves every position of a block's tree down by `lines`, so messages point into the page.
fn shift(node: &mut Node, lines: usize) {
    node.pos.line += lines;
    match &mut node.value {
        Value::Scalar { .. } => {}
        Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, lines)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift(k, lines);
            shift(v, lines);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHARTER: &str = "\
# Runtime: Working Group Charter

## Mission

Run the apps,
all of them.

## Goals

- Fast deploys
- Good docs

## Roles & Technical Assets

```yaml
name: Runtime
execution_leads:
- name: Ada Lovelace
  github: ada
technical_leads:
- github: grace
bots: []
areas:
- name: Runner
  approvers: [{name: B, github: b}]
  repositories:
  - example/runner
  - example/runner
  - not a repo
  colour: blue
```
";

    #[test]
    fn mission_goals_leads_and_areas_are_read_with_positions_in_the_page() {
        let mut reader = Reader::new("runtime.md");
        let c = read(&mut reader, CHARTER, WORKING_GROUP);
        assert_eq!(c.mission.as_deref(), Some("Run the apps, all of them."));
        assert_eq!(c.goals, ["Fast deploys", "Good docs"]);
        assert_eq!(c.roles.name.as_deref(), Some("Runtime"));
        assert_eq!(
            c.roles.technical_leads,
            [Person {
                name: "grace".into(),
                github: Some("grace".into())
            }]
        );
        assert_eq!(
            c.roles.areas,
            [Area {
                name: "Runner".into(),
                repos: vec!["example/runner".into()]
            }]
        );
        let mut messages: Vec<String> = reader
            .into_problems()
            .iter()
            .map(ToString::to_string)
            .collect();
        messages.sort();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(
            messages[0].starts_with("runtime.md:29:5: warning: `repositories` \"not a repo\""),
            "{messages:#?}"
        );
        assert!(
            messages[1].starts_with("runtime.md:30:3: warning: unknown key `colour`"),
            "{messages:#?}"
        );
    }

    #[test]
    fn a_broken_block_is_a_warning_at_its_line_in_the_page() {
        let mut reader = Reader::new("x.md");
        let c = read(
            &mut reader,
            "## Mission\n\nDo.\n\n```yaml\nname: [\n```\n",
            WORKING_GROUP,
        );
        assert_eq!(c.mission.as_deref(), Some("Do."));
        assert!(c.has_roles && c.roles.areas.is_empty());
        let p = reader.into_problems();
        assert_eq!(p.len(), 1);
        assert!(p[0].pos.unwrap().line >= 6, "{p:?}");
    }
}
