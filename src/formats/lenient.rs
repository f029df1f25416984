//! Reading values from a foreign file without trusting its shape.
//!
//! Every accessor takes whatever the file has: a missing key, a YAML null and an empty string
//! all mean "not given"; numbers and booleans are read as their text (`roadmapProject: 133`).
//! A value of the wrong shape, a placeholder link or a link townhall won't open is skipped
//! with a warning that names its position, so nothing disappears without a word.

use crate::links;
use crate::model::Problem;
use crate::untrusted::{is_invisible, is_unsafe};
use crate::yaml::keys::closest;
use crate::yaml::node::{Node, Pos, Value};

/// Link texts that stand for "no link yet".
const PLACEHOLDERS: &[&str] = &[
    "tbd",
    "tba",
    "todo",
    "n/a",
    "na",
    "none",
    "-",
    "?",
    "coming soon",
];

/// Collects warnings while a converter walks a foreign file.
pub struct Reader<'f> {
    file: &'f str,
    problems: Vec<Problem>,
}

impl<'f> Reader<'f> {
    pub fn new(file: &'f str) -> Reader<'f> {
        Reader {
            file,
            problems: Vec::new(),
        }
    }

    /// The file as messages name it.
    pub fn file(&self) -> &str {
        self.file
    }

    pub fn warn(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems
            .push(Problem::warning(self.file, Some(pos), message));
    }

    pub fn error(&mut self, pos: Pos, message: impl Into<String>) {
        self.problems
            .push(Problem::error(self.file, Some(pos), message));
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// Warns about each key of a mapping that the converter does not read, with the nearest
    /// known key as a hint; `what` names the mapping ("a SIG", "a meeting").
    pub fn keys(&mut self, node: &Node, what: &str, known: &[&str]) {
        let Value::Map(entries) = &node.value else {
            return;
        };
        for (key, _) in entries {
            let Some(k) = key.as_str() else { continue };
            if known.contains(&k) {
                continue;
            }
            let hint = closest(k, known)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            self.warn(
                key.pos,
                format!("unknown key `{k}` in {what}{hint}; townhall ignores it"),
            );
        }
    }

    /// The mapping under `key`; warns when something else is there.
    pub fn map<'n>(&mut self, node: &'n Node, key: &str) -> Option<&'n Node> {
        let value = node.get(key)?;
        self.map_of(value, key)
    }

    /// Like [`Reader::map`] for list items and values already looked up; `what` names it.
    pub fn map_of<'n>(&mut self, value: &'n Node, what: &str) -> Option<&'n Node> {
        match &value.value {
            Value::Map(_) => Some(value),
            _ if value.is_null() => None,
            _ => {
                self.warn(
                    value.pos,
                    format!(
                        "`{what}` should be a mapping, found {}; ignored",
                        value.describe()
                    ),
                );
                None
            }
        }
    }

    /// The items of the list under `key` (none when absent or null); warns when something
    /// else is there.
    pub fn list<'n>(&mut self, node: &'n Node, key: &str) -> &'n [Node] {
        let Some(value) = node.get(key) else {
            return &[];
        };
        match &value.value {
            Value::Seq(items) => items,
            _ if value.is_null() => &[],
            _ => {
                self.warn(
                    value.pos,
                    format!(
                        "`{key}` should be a list, found {}; ignored",
                        value.describe()
                    ),
                );
                &[]
            }
        }
    }

    /// The text under `key`, trimmed; None when absent, null or blank.
    pub fn text(&mut self, node: &Node, key: &str) -> Option<String> {
        let value = node.get(key)?;
        self.text_of(value, key)
    }

    /// A scalar as text, for list items and values already looked up; `what` names it in
    /// warnings.
    pub fn text_of(&mut self, value: &Node, what: &str) -> Option<String> {
        match &value.value {
            Value::Scalar { .. } if value.is_null() => None,
            Value::Scalar { text, .. } => {
                let mut text = text.trim().to_string();
                if let Some(c) = text.chars().find(|&c| is_unsafe(c) && c != '\t') {
                    self.warn(
                        value.pos,
                        format!(
                            "`{what}` contains the control or invisible character {c:?}; it was removed"
                        ),
                    );
                    text = text
                        .chars()
                        .filter(|&c| !is_unsafe(c) || c == '\t')
                        .collect();
                    text = text.replace('\t', " ").trim().to_string();
                }
                (!text.is_empty()).then_some(text)
            }
            _ => {
                self.warn(
                    value.pos,
                    format!(
                        "`{what}` should be text, found {}; ignored",
                        value.describe()
                    ),
                );
                None
            }
        }
    }

    /// A link under `key`, checked against the link policy. Relative links are resolved
    /// against `base` when given (sigs.yaml writes `charter_link: charter.md`).
    pub fn url(&mut self, node: &Node, key: &str, base: Option<&str>) -> Option<String> {
        let value = node.get(key)?;
        self.url_of(value, key, base)
    }

    /// Like [`Reader::url`] for a value already looked up.
    pub fn url_of(&mut self, value: &Node, what: &str, base: Option<&str>) -> Option<String> {
        let raw = match &value.value {
            Value::Scalar { text, .. } if !value.is_null() => text.as_str(),
            Value::Scalar { .. } => return None,
            _ => {
                self.warn(
                    value.pos,
                    format!(
                        "`{what}` should be a link, found {}; ignored",
                        value.describe()
                    ),
                );
                return None;
            }
        };
        let stray: Vec<char> = raw.chars().filter(|&c| is_invisible(c)).collect();
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
        if trimmed.is_empty() {
            return None;
        }
        if PLACEHOLDERS.contains(&trimmed.to_ascii_lowercase().as_str()) {
            self.warn(
                value.pos,
                format!("`{what}` is the placeholder {trimmed:?}, not a link; treated as absent"),
            );
            return None;
        }
        let resolved = match base {
            Some(base) if !trimmed.contains(':') => join(base, trimmed),
            _ => trimmed.to_string(),
        };
        match links::check(&resolved) {
            Ok(_) => {
                if !stray.is_empty() && !resolved.chars().any(is_invisible) {
                    let names: Vec<String> = stray
                        .iter()
                        .map(|c| format!("U+{:04X}", *c as u32))
                        .collect();
                    self.warn(
                        value.pos,
                        format!(
                            "`{what}` has stray invisible characters ({}) around the link; they were trimmed",
                            names.join(", ")
                        ),
                    );
                }
                Some(resolved)
            }
            Err(e) => {
                let hint = if base.is_none() && !trimmed.contains(':') {
                    " (a relative link; townhall doesn't know what it is relative to)"
                } else {
                    ""
                };
                self.warn(value.pos, format!("`{what}`: {e}{hint}; ignored"));
                None
            }
        }
    }
}

/// `base` + `/` + a relative path, without doubling the slash or keeping `./`.
fn join(base: &str, relative: &str) -> String {
    let relative = relative.trim_start_matches("./").trim_start_matches('/');
    format!("{}/{relative}", base.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::node::parse;

    fn read<T>(yaml: &str, f: impl FnOnce(&mut Reader, &Node) -> T) -> (T, Vec<String>) {
        let root = parse(yaml).unwrap();
        let mut reader = Reader::new("f.yaml");
        let value = f(&mut reader, &root);
        let messages = reader
            .into_problems()
            .iter()
            .map(ToString::to_string)
            .collect();
        (value, messages)
    }

    #[test]
    fn nulls_numbers_and_blanks_read_as_text_or_nothing() {
        let yaml = "a:\nb: 133\nc: '  '\nd: ' x '\ne: true\n";
        let (values, warnings) = read(yaml, |r, n| {
            ["a", "b", "c", "d", "e", "missing"].map(|k| r.text(n, k))
        });
        assert_eq!(
            values,
            [
                None,
                Some("133".into()),
                None,
                Some("x".into()),
                Some("true".into()),
                None
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_list_where_text_belongs_is_skipped_with_its_position() {
        let (value, warnings) = read("name:\n  - a\n", |r, n| r.text(n, "name"));
        assert_eq!(value, None);
        assert_eq!(
            warnings,
            ["f.yaml:2:3: warning: `name` should be text, found a list; ignored"]
        );
    }

    #[test]
    fn zero_width_spaces_around_links_are_trimmed_with_a_warning() {
        let (value, warnings) = read("url: \"\u{200B}\u{200B}https://zoom.us/j/1\"\n", |r, n| {
            r.url(n, "url", None)
        });
        assert_eq!(value.as_deref(), Some("https://zoom.us/j/1"));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("U+200B, U+200B"), "{warnings:?}");
    }

    #[test]
    fn placeholder_links_are_absent_and_said_so() {
        let (value, warnings) = read("recordings_url: TBD\n", |r, n| {
            r.url(n, "recordings_url", None)
        });
        assert_eq!(value, None);
        assert_eq!(
            warnings,
            [
                "f.yaml:1:17: warning: `recordings_url` is the placeholder \"TBD\", not a link; treated as absent"
            ]
        );
    }

    #[test]
    fn relative_links_resolve_against_a_base_or_are_refused() {
        let yaml = "charter: charter.md\nbad: javascript:alert(1)\n";
        let ((with_base, without, bad), warnings) = read(yaml, |r, n| {
            (
                r.url(
                    n,
                    "charter",
                    Some("https://github.com/k/community/blob/master/sig-x/"),
                ),
                r.url(n, "charter", None),
                r.url(n, "bad", None),
            )
        });
        assert_eq!(
            with_base.as_deref(),
            Some("https://github.com/k/community/blob/master/sig-x/charter.md")
        );
        assert_eq!((without, bad), (None, None));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("relative link"), "{warnings:?}");
        assert!(
            warnings[1].contains("only http, https, mailto, tel"),
            "{warnings:?}"
        );
    }

    #[test]
    fn unknown_keys_are_warnings_with_a_hint() {
        let (_, warnings) = read("name: x\nmision: y\nzzz: 1\n", |r, n| {
            r.keys(n, "a SIG", &["name", "mission"])
        });
        assert_eq!(
            warnings,
            [
                "f.yaml:2:1: warning: unknown key `mision` in a SIG (did you mean `mission`?); townhall ignores it",
                "f.yaml:3:1: warning: unknown key `zzz` in a SIG; townhall ignores it",
            ]
        );
    }

    #[test]
    fn control_characters_in_text_are_removed_and_reported() {
        let (value, warnings) = read("name: \"a\\e[31mb\"\n", |r, n| r.text(n, "name"));
        assert_eq!(value.as_deref(), Some("a[31mb"));
        assert_eq!(warnings.len(), 1);
    }
}
