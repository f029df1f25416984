//! Validate before accept: a fetched copy replaces the last good one only when it reads, with
//! the same reader and checks as `--registry` and loading, into at least one group (or, for
//! a calendar, with the calendar reader into at least one event).

use crate::calendar::Calendar;
use crate::registry::load::load_inputs;
use crate::sources::store::SyncedCopy;
use crate::sources::{Kind, Source};

/// Problems shown with a rejection, at most.
const SHOWN: usize = 10;

/// Why a fetched copy was refused, with the reader's `path:line:col` messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub reason: String,
    pub problems: Vec<String>,
}

/// What an accepted copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Groups(usize),
    Events(usize),
}

/// What `copy` holds, or why it is refused.
pub fn accept(source: &Source, copy: &SyncedCopy) -> Result<Held, Rejection> {
    let refuse = |reason: String| Rejection {
        reason,
        problems: Vec::new(),
    };
    for page in &copy.documents {
        if looks_like_html(&page.text) {
            return Err(refuse(format!(
                "{} is an HTML page, not the file (a login, error or moved page?)",
                page.url
            )));
        }
    }
    if source.kind == Kind::Calendar {
        return accept_calendar(copy);
    }
    let name = copy
        .primary()
        .map_or_else(|| source.location.to_string(), |p| p.url.clone());
    let loaded = load_inputs(&[copy.input(&name, source)]);
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    if let Some(first) = errors.first() {
        let reason = match errors.len() {
            1 => format!("it doesn't read: {first}"),
            n => format!("it doesn't read ({n} errors), first: {first}"),
        };
        return Err(Rejection {
            reason,
            problems: errors.into_iter().take(SHOWN).collect(),
        });
    }
    match loaded.registry.groups.len() {
        0 => Err(refuse("it holds no groups".into())),
        n => Ok(Held::Groups(n)),
    }
}

/// A calendar is refused only when it isn't one at all or holds no event: a malformed event
/// inside is a warning `townhall validate` shows, as for a calendar file on disk.
fn accept_calendar(copy: &SyncedCopy) -> Result<Held, Rejection> {
    let text = copy.primary().map_or("", |p| p.text.as_str());
    let refuse = |reason: String| Rejection {
        reason,
        problems: Vec::new(),
    };
    match Calendar::read(text.as_bytes()) {
        Err(e) => Err(refuse(format!("it isn't a calendar: {e}"))),
        Ok(calendar) if calendar.events == 0 => Err(refuse("it holds no events".into())),
        Ok(calendar) => Ok(Held::Events(calendar.events)),
    }
}

/// An HTML document rather than YAML or Markdown: what a proxy's login page, a host's error
/// page or a "moved" page looks like when it is served with a 200.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_told_from_registries_and_markdown() {
        assert!(looks_like_html("\n  <!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("<HTML><body>"));
        assert!(!looks_like_html("sigs: []\n"));
        assert!(!looks_like_html("<img src=x> # Working Groups"));
    }

    fn calendar_copy(text: &str) -> SyncedCopy {
        SyncedCopy {
            documents: vec![crate::sources::store::Page {
                link: String::new(),
                url: "http://127.0.0.1:9/basic.ics".into(),
                text: text.into(),
            }],
        }
    }

    fn calendar_source() -> Source {
        let (sources, _) = crate::sources::resolve(&[], std::path::Path::new("/"));
        sources
            .into_iter()
            .find(|s| s.kind == Kind::Calendar)
            .unwrap()
    }

    #[test]
    fn a_calendar_is_accepted_by_its_events_and_refused_without_any() {
        let cal = calendar_source();
        let one = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\n\
                   DTSTART:20261201T170000Z\r\nSUMMARY:SIG Node\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert_eq!(accept(&cal, &calendar_copy(one)), Ok(Held::Events(1)));
        let empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        let why = accept(&cal, &calendar_copy(empty)).unwrap_err().reason;
        assert!(why.contains("no events"), "{why}");
        let why = accept(&cal, &calendar_copy("sigs: []\n"))
            .unwrap_err()
            .reason;
        assert!(why.contains("isn't a calendar"), "{why}");
        let why = accept(&cal, &calendar_copy("<!DOCTYPE html><p>sign in"))
            .unwrap_err()
            .reason;
        assert!(why.contains("HTML"), "{why}");
    }
}
