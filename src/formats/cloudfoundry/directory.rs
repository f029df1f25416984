//! `toc/working-groups/WORKING-GROUPS.md`: the directory of Cloud Foundry's working groups.
//! Each `## Name` section after `# Working Groups` gives a mission line, an "Artifact | Link"
//! table (charter, forum, meeting calendar, notes, chat) and a leads table with companies;
//! the text above the groups links the community's calendar, its iCal export and recordings.

use super::markdown::{self, Page, Section, Table};
use crate::model::Pos;

/// One group as the directory lists it; cells are kept as written, for the group reader.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub name: String,
    pub heading: Pos,
    pub mission: Option<(Pos, String)>,
    pub charter: Option<(Pos, String)>,
    pub forum: Option<(Pos, String)>,
    pub calendar: Option<(Pos, String)>,
    pub notes: Option<(Pos, String)>,
    pub slack: Option<(Pos, String)>,
    pub discord: Option<(Pos, String)>,
    pub leads: Vec<TableLead>,
}

/// A row of a leads or members table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableLead {
    pub pos: Pos,
    pub name: String,
    pub company: Option<String>,
    pub github: Option<String>,
    /// Other columns by header (the TOC's "Term Start", "Term End").
    pub extra: Vec<(String, String)>,
}

/// What the directory says: the community's own links and the groups.
#[derive(Debug, Default)]
pub struct Directory {
    /// (position, link text, target) of links above the group list.
    pub community_links: Vec<(Pos, String, String)>,
    /// E-mail addresses the text above the groups names (the list to invite to meetings).
    pub community_lists: Vec<(Pos, String)>,
    pub entries: Vec<Entry>,
}

/// The heading the group sections follow.
const GROUPS_HEADING: &str = "Working Groups";

pub fn read(text: &str) -> Directory {
    let page = Page::new(text);
    let start = page
        .lines
        .iter()
        .position(|l| {
            markdown::heading(l.text).is_some_and(|(level, title)| {
                level == 1 && title.eq_ignore_ascii_case(GROUPS_HEADING)
            })
        })
        .unwrap_or(0);
    let mut directory = Directory::default();
    for line in &page.lines[..start] {
        for link in markdown::links(line.text) {
            directory
                .community_links
                .push((line.pos(), link.text, link.target));
        }
        for word in line.text.split(|c: char| c.is_whitespace() || c == ',') {
            let word = word.trim_matches(|c: char| matches!(c, '.' | ';' | ':' | '(' | ')'));
            if is_address(word) {
                directory
                    .community_lists
                    .push((line.pos(), word.to_string()));
            }
        }
    }
    let after = page.lines.get(start).map_or(0, |l| l.number);
    for section in page.sections(2) {
        if section.heading.number <= after {
            continue;
        }
        let tables = section.tables();
        let artifacts = tables.iter().find(|t| t.column("artifact").is_some());
        if artifacts.is_none() && section.labelled("Mission").is_none() {
            continue;
        }
        directory.entries.push(entry(&section, artifacts, &tables));
    }
    directory
}

fn entry(section: &Section, artifacts: Option<&Table>, tables: &[Table]) -> Entry {
    let cell = |label: &str| {
        artifacts
            .and_then(|t| t.row(label))
            .map(|(pos, text)| (pos, text.to_string()))
    };
    let leads = tables
        .iter()
        .find(|t| t.column("lead").is_some())
        .map(people)
        .unwrap_or_default();
    Entry {
        name: section.title.clone(),
        heading: section.heading.pos(),
        mission: section
            .labelled("Mission")
            .map(|(line, text)| (line.pos(), text)),
        charter: cell("Charter"),
        forum: cell("Forum"),
        calendar: cell("Community Meeting Calendar"),
        notes: cell("Meeting Notes"),
        slack: cell("Slack Channel"),
        discord: cell("Discord Channel"),
        leads,
    }
}

/// The rows of a people table: a name column ("Leads" or "Member"), a company and a GitHub
/// profile link; other columns are kept by their header.
pub fn people(table: &Table) -> Vec<TableLead> {
    let name_col = table.column("lead").or_else(|| table.column("member"));
    let company_col = table.column("company");
    let profile_col = table.column("profile");
    let mut leads = Vec::new();
    for (line, cells) in &table.rows {
        let text = |col: Option<usize>| {
            col.and_then(|c| cells.get(c))
                .map(|c| markdown::plain(c))
                .filter(|c| !c.is_empty())
        };
        let Some(name) = text(name_col) else { continue };
        let github = profile_col
            .and_then(|c| cells.get(c))
            .and_then(|c| profile_handle(c));
        let extra = table
            .header
            .iter()
            .enumerate()
            .filter(|(i, _)| ![name_col, company_col, profile_col].contains(&Some(*i)))
            .filter_map(|(i, h)| {
                let header = markdown::plain(h);
                let value = text(Some(i))?;
                (!header.is_empty()).then_some((header, value))
            })
            .collect();
        leads.push(TableLead {
            pos: line.pos(),
            name,
            company: text(company_col),
            github,
            extra,
        });
    }
    leads
}

/// `[@handle](https://github.com/handle)` → `handle`, from the link target (the text and the
/// target disagree in case now and then; the target is what GitHub resolves).
fn profile_handle(cell: &str) -> Option<String> {
    let from_link = markdown::links(cell).into_iter().find_map(|l| {
        let rest = l.target.strip_prefix("https://github.com/")?;
        let handle = rest.trim_end_matches('/');
        (!handle.is_empty() && !handle.contains('/')).then(|| handle.to_string())
    });
    from_link.or_else(|| {
        let plain = markdown::plain(cell);
        plain.strip_prefix('@').map(str::to_string)
    })
}

/// A bare e-mail address such as `cf-dev@lists.cloudfoundry.org`.
fn is_address(word: &str) -> bool {
    let Some((user, host)) = word.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '-' | '_' | '+'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIRECTORY: &str = "\
Meetings go on the [shared calendar](https://calendar.example/embed) and invite
dev@lists.example.org. [iCal](https://calendar.example/basic.ics)

# Working Groups

## Runtime

Mission: To run apps.

| Artifact | Link |
| -------- | ---- |
| Charter  | [runtime.md](./runtime.md) |
| Forum    | [Video chat](https://zoom.us/j/123) |
| Community Meeting Calendar | Weekly on Thursdays at 10:30 am ET |
| Slack Channels | [&#x23;a](https://x.slack.com/archives/C1) &middot; [&#x23;b](https://x.slack.com/archives/C2) |

| &nbsp; | Leads | Company | Profile |
| ------ | ----- | ------- | ------- |
| <img src=\"https://github.com/ada.png\"> | Ada Lovelace | &nbsp; | [@Ada](https://github.com/ada) |

<!--
## Working Group Template

Mission:
-->
";

    #[test]
    fn the_directory_gives_each_group_its_cells_and_leads() {
        let d = read(DIRECTORY);
        assert_eq!(d.entries.len(), 1);
        let e = &d.entries[0];
        assert_eq!(e.name, "Runtime");
        assert_eq!(e.mission.as_ref().unwrap().1, "To run apps.");
        assert_eq!(e.charter.as_ref().unwrap().1, "[runtime.md](./runtime.md)");
        assert!(e.slack.as_ref().unwrap().1.contains("C2"));
        assert_eq!(
            e.leads,
            [TableLead {
                pos: Pos {
                    line: 19,
                    column: 1
                },
                name: "Ada Lovelace".into(),
                company: None,
                github: Some("ada".into()),
                extra: Vec::new(),
            }]
        );
        let targets: Vec<&str> = d.community_links.iter().map(|l| l.2.as_str()).collect();
        assert_eq!(
            targets,
            [
                "https://calendar.example/embed",
                "https://calendar.example/basic.ics"
            ]
        );
        assert_eq!(d.community_lists[0].1, "dev@lists.example.org");
    }
}
