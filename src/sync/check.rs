//! Validate before accept: a fetched copy replaces the last good one only when it reads, with
//! the same reader and checks as `--registry` and loading, into at least one group.

use crate::registry::load::load_inputs;
use crate::sources::Source;
use crate::sources::store::SyncedCopy;

/// Problems shown with a rejection, at most.
const SHOWN: usize = 10;

/// Why a fetched copy was refused, with the reader's `path:line:col` messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub reason: String,
    pub problems: Vec<String>,
}

/// The number of groups `copy` holds, or why it is refused.
pub fn accept(source: &Source, copy: &SyncedCopy) -> Result<usize, Rejection> {
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
        n => Ok(n),
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
}
