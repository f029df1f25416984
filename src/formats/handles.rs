//! Short names that foreign files give instead of links (a GitHub handle, a Slack channel id,
//! a Google Doc id, an `owner/name` repository) and that townhall turns into links itself.
//!
//! Such a name ends up inside a URL we build, so it is accepted only when it is made of the
//! characters the service itself allows; anything else (a space, a `/` that would reach
//! another page, a whole URL pasted where an id belongs) is refused with a warning rather than
//! guessed at.

use super::Reader;
use crate::yaml::node::Node;

/// A GitHub login: letters, digits and `-` (GitHub's rule), plus `_`, which older accounts
/// and townhall's own format accept. A leading `@` is dropped, as people write handles that way.
pub fn github(reader: &mut Reader, value: &Node, what: &str) -> Option<String> {
    let text = reader.text_of(value, what)?;
    let handle = text.strip_prefix('@').unwrap_or(&text);
    if is_made_of(handle, "-_") {
        return Some(handle.to_string());
    }
    reader.warn(
        value.pos,
        format!("`{what}` {text:?} is not a GitHub handle; ignored"),
    );
    None
}

/// An id that becomes one segment of a path: Slack channel ids (`C01N7PP1THC`), Google Doc
/// ids, Google Groups names.
pub fn segment(reader: &mut Reader, value: &Node, what: &str) -> Option<String> {
    let text = reader.text_of(value, what)?;
    if is_segment(&text) {
        return Some(text);
    }
    reader.warn(
        value.pos,
        format!("`{what}` {text:?} is not an id townhall can link to; ignored"),
    );
    None
}

/// `owner/name` on GitHub. A full `https://github.com/owner/name` link is accepted too.
pub fn repository(reader: &mut Reader, value: &Node, what: &str) -> Option<String> {
    owner_and_name(reader, value, what, "a GitHub repository")
}

/// A GitHub team as `org/team-slug` (`open-telemetry/java-maintainers`).
pub fn team(reader: &mut Reader, value: &Node, what: &str) -> Option<String> {
    owner_and_name(reader, value, what, "a GitHub team")
}

fn owner_and_name(reader: &mut Reader, value: &Node, what: &str, kind: &str) -> Option<String> {
    let text = reader.text_of(value, what)?;
    let slug = text
        .strip_prefix("https://github.com/")
        .unwrap_or(&text)
        .trim_start_matches('@')
        .trim_end_matches('/');
    let parts: Vec<&str> = slug.split('/').collect();
    let valid = parts.len() == 2
        && parts
            .iter()
            .all(|p| is_made_of(p, "-_.") && !p.starts_with('.'));
    if valid {
        return Some(slug.to_string());
    }
    reader.warn(
        value.pos,
        format!("`{what}` {text:?} is not {kind} (`owner/name`); ignored"),
    );
    None
}

/// Letters, digits, `-`, `_` and `.`, not starting with a dot (so never `..`).
pub fn is_segment(text: &str) -> bool {
    is_made_of(text, "-_.") && !text.starts_with('.')
}

fn is_made_of(text: &str, punctuation: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || punctuation.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::node::parse;

    fn read(
        f: fn(&mut Reader, &Node, &str) -> Option<String>,
        yaml: &str,
    ) -> (Option<String>, usize) {
        let root = parse(yaml).unwrap();
        let mut reader = Reader::new("f.yaml");
        let value = f(&mut reader, root.get("v").unwrap(), "v");
        (value, reader.into_problems().len())
    }

    #[test]
    fn handles_lose_their_at_sign_and_must_be_one_login() {
        assert_eq!(read(github, "v: '@jmacd'\n"), (Some("jmacd".into()), 0));
        assert_eq!(read(github, "v: Mona Borham\n"), (None, 1));
        assert_eq!(read(github, "v: ../orgs\n"), (None, 1));
        assert_eq!(read(github, "v:\n"), (None, 0));
    }

    #[test]
    fn segments_cannot_reach_another_page() {
        assert_eq!(
            read(segment, "v: C01N7PP1THC\n"),
            (Some("C01N7PP1THC".into()), 0)
        );
        assert_eq!(read(segment, "v: a/../b\n"), (None, 1));
        assert_eq!(read(segment, "v: https://x.org/C1\n"), (None, 1));
        assert_eq!(read(segment, "v: ..\n"), (None, 1));
    }

    #[test]
    fn repositories_are_owner_and_name() {
        assert_eq!(
            read(repository, "v: open-telemetry/opentelemetry-go\n"),
            (Some("open-telemetry/opentelemetry-go".into()), 0)
        );
        assert_eq!(
            read(repository, "v: https://github.com/cncf/toc/\n"),
            (Some("cncf/toc".into()), 0)
        );
        assert_eq!(read(repository, "v: opentelemetry-go\n"), (None, 1));
        assert_eq!(read(repository, "v: a/b/c\n"), (None, 1));
    }
}
