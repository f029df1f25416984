//! Cloud Foundry's working groups as the community publishes them: not one registry file but
//! Markdown pages in cloudfoundry/community. `toc/working-groups/WORKING-GROUPS.md` is the
//! directory (mission, meeting, chat and leads of every group, with a link to its charter);
//! each charter carries a fenced YAML block with its leads and areas (the convention CF's own
//! `parsable-working-groups.sh` relies on); `toc/TOC.md` and `toc/ADMIN.md` describe the TOC
//! and the Foundation staff's repositories the same way.
//!
//! So a Cloud Foundry source is a set of documents: the directory, and the pages it links.
//! [`linked`] names the pages to fetch once the directory is in hand, and [`convert`] reads the
//! lot. What no page says (the groups of 2021, renames, dissolutions) is not this reader's to
//! invent; it lives in a hand-written supplement loaded after it.

mod charter;
mod directory;
mod group;
mod markdown;
#[cfg(test)]
mod tests;
mod toc;

use super::meeting_times::MeetingTimes;
use super::{Converted, Format, Origin, Reader, Written};
use crate::model::Pos;
use crate::model::{Community, CommunityFile, Group, Link, LinkKind};

/// The community these pages describe.
pub const COMMUNITY: &str = "cloudfoundry";

/// More linked pages than this is not a directory of working groups.
const MAX_LINKED: usize = 64;

/// One page of the set, besides the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The page as the directory links it, normalized by [`normalize`] (`paketo.md`,
    /// `../TOC.md`).
    pub link: String,
    /// How messages name it (a path on disk, a URL, or a name inside a synced copy).
    pub name: String,
    pub text: String,
}

/// Whether `text` is Cloud Foundry's directory page rather than a YAML registry: it has the
/// `# Working Groups` heading, or an artifact table linking a charter.
pub fn looks_like(text: &str) -> bool {
    // Asked of every input before a start can use its snapshot, so a large YAML file is
    // passed over a byte per line: only a line starting with `#` or `|` is looked at.
    text.lines().any(|l| {
        let start = l.trim_start();
        matches!(start.as_bytes().first(), Some(b'#' | b'|')) && {
            let l = start.trim_end();
            l.eq_ignore_ascii_case("# working groups")
                || (l.starts_with('|')
                    && l.trim_start_matches('|')
                        .trim_start()
                        .starts_with("Charter"))
        }
    })
}

/// The pages a directory needs read with it: each group's charter, then the TOC and Admin
/// pages, each once, as links relative to the directory's folder.
pub fn linked(directory_text: &str) -> Vec<String> {
    let mut links: Vec<String> = Vec::new();
    for entry in directory::read(directory_text).entries {
        if let Some(link) = charter_link(&entry)
            && !links.contains(&link)
        {
            links.push(link);
        }
        if links.len() >= MAX_LINKED {
            break;
        }
    }
    for fixed in [toc::TOC, toc::ADMIN] {
        links.push(fixed.to_string());
    }
    links
}

fn charter_link(entry: &directory::Entry) -> Option<String> {
    let (_, cell) = entry.charter.as_ref()?;
    markdown::links(cell)
        .into_iter()
        .find_map(|l| normalize(&l.target))
}

/// A charter link as townhall will fetch it: a `.md` page in the directory's own folder
/// (`./paketo.md` → `paketo.md`), or one of the two governance pages. Anything else (another
/// site, a path up the tree, a query) is not a page of this set.
pub fn normalize(target: &str) -> Option<String> {
    let target = target.trim();
    if target == toc::TOC || target == toc::ADMIN {
        return Some(target.to_string());
    }
    let name = target.strip_prefix("./").unwrap_or(target);
    let ok = name.ends_with(".md")
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    ok.then(|| name.to_string())
}

/// Where the pages live upstream, for the links and sources townhall writes: the repository,
/// the directory page's folder in it, and the commit when known.
#[derive(Debug, Clone, Default)]
pub struct Base {
    pub repo: Option<String>,
    pub commit: Option<String>,
    /// The directory page's folder in the repository (`toc/working-groups`), `""` at the root.
    folder: String,
    /// The directory page's own link (`WORKING-GROUPS.md`).
    pub primary: String,
}

impl Base {
    fn new(file: &str, origin: &Origin) -> Base {
        let path = origin.path.as_deref().unwrap_or(file).trim_matches('/');
        let (folder, primary) = match path.rsplit_once('/') {
            Some((folder, primary)) if origin.path.is_some() => (folder.to_string(), primary),
            Some((_, primary)) => (String::new(), primary),
            None => (String::new(), path),
        };
        Base {
            repo: origin.repo.clone().filter(|r| !r.trim().is_empty()),
            commit: origin.commit.clone(),
            folder,
            primary: primary.to_string(),
        }
    }

    /// `../TOC.md` from `toc/working-groups` → `toc/TOC.md`.
    fn repo_path(&self, link: &str) -> String {
        let mut parts: Vec<&str> = self.folder.split('/').filter(|p| !p.is_empty()).collect();
        for segment in link.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        parts.join("/")
    }

    /// The page on GitHub (the default branch, through `HEAD`), when the repository is known.
    fn page(&self, link: &str) -> Option<String> {
        let repo = self.repo.as_deref()?;
        Some(format!(
            "https://github.com/{repo}/blob/HEAD/{}",
            self.repo_path(link)
        ))
    }
}

/// Reads the directory `text` (named `file` in messages) with the pages it links.
pub fn convert(file: &str, text: &str, documents: &[Document], origin: &Origin) -> Converted {
    let mut reader = Reader::new(file);
    let base = Base::new(file, origin);
    let directory = directory::read(text);
    let top = Pos { line: 1, column: 1 };
    if directory.entries.is_empty() {
        reader.error(
            top,
            "no working groups found (no `## Name` sections with an \"Artifact | Link\" table \
             after `# Working Groups`), so this is not Cloud Foundry's WORKING-GROUPS.md",
        );
        return Converted {
            problems: reader.into_problems(),
            ..Converted::default()
        };
    }
    let mut times = MeetingTimes::default();
    let mut problems = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut written: Vec<Written> = Vec::new();
    let find = |link: &str| documents.iter().find(|d| d.link == link);

    for (link, is_toc) in [(toc::TOC, true), (toc::ADMIN, false)] {
        let Some(doc) = find(link) else {
            reader.warn(
                top,
                format!("{link} was not read with the directory, so its group is left out"),
            );
            continue;
        };
        let mut page_reader = Reader::new(&doc.name);
        let group = if is_toc {
            toc::committee(&mut page_reader, &mut times, &doc.text, &base)
        } else {
            toc::admin(&mut page_reader, &doc.text, &base)
        };
        problems.extend(page_reader.into_problems());
        written.push(Written {
            group: top,
            meetings: vec![top; group.meetings.len()],
        });
        groups.push(group);
    }

    for entry in &directory.entries {
        let link = charter_link(entry);
        let doc = link.as_deref().and_then(find);
        if doc.is_none() {
            let pos = entry.charter.as_ref().map_or(entry.heading, |(p, _)| *p);
            let what = link.as_deref().unwrap_or("no charter link");
            reader.warn(
                pos,
                format!(
                    "the charter of {:?} ({what}) was not read, so its goals, roles and repositories are left out",
                    entry.name
                ),
            );
        }
        let charter = doc.map(|d| {
            let mut page_reader = Reader::new(&d.name);
            let c = charter::read(&mut page_reader, &d.text, charter::WORKING_GROUP);
            problems.extend(page_reader.into_problems());
            (d.link.as_str(), c)
        });
        let group = group::working_group(
            &mut reader,
            &mut times,
            entry,
            charter.as_ref().map(|(l, c)| (*l, c)),
            &base,
        );
        if groups.iter().any(|g| g.id == group.id) {
            reader.warn(
                entry.heading,
                format!("another group already has the id `{}`; ignored", group.id),
            );
            continue;
        }
        let meeting_pos = entry.calendar.as_ref().map_or(entry.heading, |(p, _)| *p);
        written.push(Written {
            group: entry.heading,
            meetings: vec![meeting_pos; group.meetings.len()],
        });
        groups.push(group);
    }
    times.summarize(&mut reader, top);

    let mut community = Community {
        id: COMMUNITY.into(),
        name: "Cloud Foundry Foundation".into(),
        links: community_links(&mut reader, &directory),
        ..Community::default()
    };
    community
        .sources
        .push(origin.source(file, Format::CloudFoundry));
    problems.extend(reader.into_problems());
    problems.sort_by(|a, b| (&a.file, a.pos).cmp(&(&b.file, b.pos)));
    let mut file = CommunityFile { community, groups };
    super::one_line::plain_names(&mut file);
    Converted {
        file: Some(file),
        problems,
        written,
    }
}

/// The calendar, its iCal export, the recordings and the list to invite, from the text
/// above the groups. Other links there (contribution guides, how to import a calendar into
/// Outlook) are instructions, not the community's places.
fn community_links(reader: &mut Reader, directory: &directory::Directory) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    for (pos, text, target) in &directory.community_links {
        let Ok(parsed) = url::Url::parse(target) else {
            continue;
        };
        let host = parsed.host_str().unwrap_or("").to_ascii_lowercase();
        let kind = if parsed.path().ends_with(".ics") || parsed.path().contains("/ical/") {
            LinkKind::CalendarIcs
        } else if host == "calendar.google.com" {
            LinkKind::Calendar
        } else if host.ends_with("youtube.com") {
            LinkKind::Recordings
        } else {
            continue;
        };
        let Some(url) = group::checked_url(reader, *pos, target, "community link") else {
            continue;
        };
        if links.iter().any(|l| l.url == url) {
            continue;
        }
        links.push(Link {
            kind,
            title: capitalized(text),
            url,
        });
    }
    for (_, address) in &directory.community_lists {
        let url = format!("mailto:{address}");
        if !links.iter().any(|l| l.url == url) {
            links.push(Link {
                kind: LinkKind::MailingList,
                title: address.clone(),
                url,
            });
        }
    }
    links
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
