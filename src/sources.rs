//! Where each community's data comes from: the catalog of published registries built into
//! townhall, the user's own `sources:` in config.yaml, and what townhall remembers of each
//! source (its synced copy and when it was fetched, see [`store`]).
//!
//! This layer knows a source's bytes and their format, not what the bytes mean: turning them
//! into groups is the format readers' job, and fetching them is `sync`'s.

pub mod catalog;
pub mod freshness;
pub mod state;
pub mod store;
mod user;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::formats::{Format, Origin};
pub use user::UserSource;

/// What a source's bytes are: groups, or a community calendar that says when their meetings
/// happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Registry,
    /// An iCalendar feed (`format: ical`); it needs a `community`.
    Calendar,
}

/// The `format:` a calendar source is written with.
pub const CALENDAR_FORMAT: &str = "ical";

/// A source townhall can sync.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Also the name of its files in the store, so only `[a-z0-9._-]`.
    pub id: String,
    /// The community its groups belong to, when known before reading it.
    pub community: Option<String>,
    pub kind: Kind,
    /// How to read a registry's bytes; `None` tells the format from the content, as
    /// `--registry` does (and for a calendar, which has one format).
    pub format: Option<Format>,
    pub location: Location,
    pub homepage: Option<String>,
    pub license: Option<String>,
    /// Which repository and file it is, for the links and sources its reader writes.
    pub origin: Origin,
    /// Whether it comes from the catalog (possibly at a user's mirror).
    pub in_catalog: bool,
}

/// Where a source's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `http://` or `https://`.
    Http(url::Url),
    /// A `file://` URL or a path.
    File(PathBuf),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Http(url) => f.write_str(url.as_str()),
            Location::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl Location {
    /// Reads `text` as a URL or a path; a relative path is taken from `base` (the config
    /// folder), so a config file means the same wherever townhall is started.
    pub fn parse(text: &str, base: &Path) -> Result<Location, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the url is empty".into());
        }
        if let Some((scheme, _)) = text.split_once("://") {
            let url = url::Url::parse(text).map_err(|e| format!("{text:?} is not a URL ({e})"))?;
            return match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" if url.host_str().is_some() => Ok(Location::Http(url)),
                "file" => url
                    .to_file_path()
                    .map(Location::File)
                    .map_err(|()| format!("{text:?} is not a file on this machine")),
                _ => Err(format!(
                    "{text:?}: only https://, http:// and file:// URLs or a path can be synced"
                )),
            };
        }
        let path = Path::new(text);
        Ok(Location::File(if path.is_absolute() {
            path.to_path_buf()
        } else {
            base.join(path)
        }))
    }

    /// A page linked from this one (`../TOC.md` beside `.../working-groups/WORKING-GROUPS.md`).
    pub fn join(&self, link: &str) -> Option<Location> {
        match self {
            Location::Http(url) => url.join(link).ok().map(Location::Http),
            Location::File(path) => {
                let mut joined = path.parent()?.to_path_buf();
                for segment in link.split('/') {
                    match segment {
                        "" | "." => {}
                        ".." => {
                            joined.pop();
                        }
                        s => joined.push(s),
                    }
                }
                Some(Location::File(joined))
            }
        }
    }

    /// Whether fetching it needs the network (and so is refused offline).
    pub fn is_remote(&self) -> bool {
        matches!(self, Location::Http(_))
    }
}

impl Source {
    fn from_catalog(entry: &catalog::Entry) -> Source {
        let url = url::Url::parse(&entry.url()).expect("catalog URLs are valid");
        Source {
            id: entry.id.into(),
            community: Some(entry.community.into()),
            kind: Kind::Registry,
            format: Some(entry.format),
            location: Location::Http(url),
            homepage: Some(entry.homepage.into()),
            license: Some(entry.license.into()),
            origin: Origin {
                repo: Some(entry.repo.into()),
                path: Some(entry.path.into()),
                commit: None,
                license: Some(entry.license.into()),
            },
            in_catalog: true,
        }
    }
}

impl Source {
    fn from_calendar(entry: &catalog::CalendarEntry) -> Source {
        let url = url::Url::parse(entry.url).expect("catalog URLs are valid");
        Source {
            id: entry.id.into(),
            community: Some(entry.community.into()),
            kind: Kind::Calendar,
            format: None,
            location: Location::Http(url),
            homepage: None,
            license: None,
            origin: Origin::default(),
            in_catalog: true,
        }
    }

    /// The format as `sources` and config.yaml name it.
    pub fn format_name(&self) -> Option<&'static str> {
        match self.kind {
            Kind::Calendar => Some(CALENDAR_FORMAT),
            Kind::Registry => self.format.map(Format::name),
        }
    }
}

/// The catalog with the user's sources applied: an entry whose id is in the catalog moves
/// that source (a mirror, a fork, a test server) and may change its format or community; a
/// new id adds a source. Problems name the entry and are returned beside the sources that
/// are fine, so one typo doesn't take every source away.
pub fn resolve(user: &[UserSource], config_dir: &Path) -> (Vec<Source>, Vec<String>) {
    let mut sources: Vec<Source> = catalog::CATALOG
        .iter()
        .map(Source::from_catalog)
        .chain(catalog::CALENDARS.iter().map(Source::from_calendar))
        .collect();
    let mut problems = Vec::new();
    for (i, entry) in user.iter().enumerate() {
        match entry.check(config_dir) {
            Err(e) => problems.push(format!("sources[{i}] ({}): {e}", entry.shown_id())),
            Ok((location, kind, format)) => match sources.iter_mut().find(|s| s.id == entry.id) {
                Some(known) => {
                    let kind = kind.unwrap_or(known.kind);
                    if kind == Kind::Calendar
                        && entry.community.is_none()
                        && known.kind != Kind::Calendar
                    {
                        problems.push(format!(
                            "sources[{i}] ({}): a calendar needs the `community` it belongs to",
                            entry.shown_id()
                        ));
                        continue;
                    }
                    known.location = location;
                    known.kind = kind;
                    if format.is_some() || kind == Kind::Calendar {
                        known.format = format;
                    }
                    if entry.community.is_some() {
                        known.community = entry.community.clone();
                    }
                }
                None if kind == Some(Kind::Calendar) && entry.community.is_none() => {
                    problems.push(format!(
                        "sources[{i}] ({}): a calendar needs the `community` it belongs to",
                        entry.shown_id()
                    ));
                }
                None => sources.push(Source {
                    id: entry.id.clone(),
                    community: entry.community.clone(),
                    kind: kind.unwrap_or_default(),
                    format,
                    location,
                    homepage: None,
                    license: None,
                    origin: Origin::default(),
                    in_catalog: false,
                }),
            },
        }
    }
    (sources, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, url: &str) -> UserSource {
        UserSource {
            id: id.into(),
            url: url.into(),
            format: None,
            community: None,
        }
    }

    #[test]
    fn a_catalog_id_moves_the_source_and_a_new_id_adds_one() {
        let base = Path::new("/cfg");
        let (sources, problems) = resolve(
            &[
                user("kubernetes", "http://127.0.0.1:8080/sigs.yaml"),
                UserSource {
                    community: Some("acme".into()),
                    ..user("acme", "acme.yaml")
                },
            ],
            base,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let k = sources.iter().find(|s| s.id == "kubernetes").unwrap();
        assert_eq!(k.location.to_string(), "http://127.0.0.1:8080/sigs.yaml");
        assert_eq!(
            k.format,
            Some(Format::Kubernetes),
            "the catalog's format stays"
        );
        assert_eq!(k.origin.repo.as_deref(), Some("kubernetes/community"));
        let a = sources.last().unwrap();
        assert_eq!((a.id.as_str(), a.in_catalog), ("acme", false));
        assert_eq!(a.location, Location::File("/cfg/acme.yaml".into()));
        assert_eq!(
            sources.len(),
            catalog::CATALOG.len() + catalog::CALENDARS.len() + 1
        );
    }

    #[test]
    fn bad_entries_are_named_and_the_rest_still_resolve() {
        let (sources, problems) = resolve(
            &[
                user("../evil", "https://x.example/a.yaml"),
                user("ftp", "ftp://x.example/a.yaml"),
                UserSource {
                    format: Some("sigs".into()),
                    ..user("k", "https://x.example/a.yaml")
                },
                user("ok", "file:///tmp/ok.yaml"),
            ],
            Path::new("/cfg"),
        );
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("sources[0]") && problems[0].contains("id"),
            "{problems:?}"
        );
        assert!(problems[1].contains("only https://"), "{problems:?}");
        assert!(problems[2].contains("unknown format"), "{problems:?}");
        assert_eq!(
            sources.last().unwrap().location,
            Location::File("/tmp/ok.yaml".into())
        );
    }

    #[test]
    fn a_calendar_source_is_ical_with_a_community() {
        let (sources, problems) = resolve(
            &[
                UserSource {
                    format: Some("ical".into()),
                    community: Some("acme".into()),
                    ..user("acme-cal", "http://127.0.0.1:9/acme.ics")
                },
                UserSource {
                    format: Some("ical".into()),
                    ..user("lonely", "http://127.0.0.1:9/x.ics")
                },
                user("kubernetes-calendar", "k8s.ics"),
            ],
            Path::new("/cfg"),
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("\"lonely\"") && problems[0].contains("community"),
            "{problems:?}"
        );
        let acme = sources.iter().find(|s| s.id == "acme-cal").unwrap();
        assert_eq!(
            (acme.kind, acme.format_name()),
            (Kind::Calendar, Some("ical"))
        );
        let k = sources
            .iter()
            .find(|s| s.id == "kubernetes-calendar")
            .unwrap();
        assert_eq!(
            k.kind,
            Kind::Calendar,
            "moving a catalog calendar keeps its kind"
        );
        assert_eq!(k.community.as_deref(), Some("kubernetes"));
        assert_eq!(k.location, Location::File("/cfg/k8s.ics".into()));
        let registry = sources.iter().find(|s| s.id == "kubernetes").unwrap();
        assert_eq!(registry.format_name(), Some("kubernetes"));
    }

    #[test]
    fn linked_pages_resolve_beside_the_page() {
        let web = Location::parse(
            "https://h.example/toc/working-groups/WORKING-GROUPS.md",
            Path::new("/"),
        )
        .unwrap();
        assert_eq!(
            web.join("../TOC.md").unwrap().to_string(),
            "https://h.example/toc/TOC.md"
        );
        let disk = Location::File("/d/toc/working-groups/WORKING-GROUPS.md".into());
        assert_eq!(
            disk.join("../ADMIN.md"),
            Some(Location::File("/d/toc/ADMIN.md".into()))
        );
    }
}
