//! A YAML document as a tree that remembers where every value was written.
//!
//! serde_yaml reports only the first error and hides positions from `Deserialize`, so our own
//! format is parsed into this tree first: validation can then point at the line and column of
//! every problem in a file, all at once.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::untrusted::limits::{MAX_ALIAS_VALUES, MAX_DEPTH, MAX_VALUE_BYTES, MAX_YAML_VALUES};

pub use crate::model::Pos;

fn pos_of(m: Marker) -> Pos {
    // yaml-rust2 counts lines from 1 and columns from 0.
    Pos {
        line: m.line(),
        column: m.col() + 1,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `quoted` scalars are always strings; plain ones may be null, booleans or numbers.
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

impl Node {
    /// A plain empty scalar, `~` or `null`: YAML's ways of writing nothing.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, quoted: false }
            if text.is_empty() || text == "~" || text.eq_ignore_ascii_case("null"))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// The value under `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key node and value node under `key`, for pointing at the key itself.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    pub fn index(&self, i: usize) -> Option<&Node> {
        match &self.value {
            Value::Seq(items) => items.get(i),
            _ => None,
        }
    }

    /// What kind of value this is, for messages such as "expected a list, found a mapping".
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Seq(_) => "a list".into(),
            Value::Map(_) => "a mapping".into(),
            Value::Scalar { .. } if self.is_null() => "nothing (null)".into(),
            Value::Scalar { text, .. } => format!("{text:?}"),
        }
    }
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Parses one YAML document. An empty file is an empty mapping.
///
/// The file is untrusted, so reading stops at the first of: a second document (a registry
/// file is one document; the rest would vanish silently), a key that is not text (null or a
/// list), a value longer than [`MAX_VALUE_BYTES`], nesting deeper than [`MAX_DEPTH`], or more
/// than [`MAX_YAML_VALUES`] values, or more than [`MAX_ALIAS_VALUES`] of them copied by aliases
/// (a "billion laughs" file is a few lines of aliases of aliases).
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| SyntaxError {
            pos: pos_of(*e.marker()),
            // The scanner's own bound on `[[[[...`, met before ours when it reads ahead.
            message: match e.info() {
                "recursion limit exceeded" => too_deep(),
                info => info.to_string(),
            },
        })?;
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => builder.document(pos_of(mark)),
            event => builder.on_event(event, mark),
        }
        if let Some(err) = builder.error.take() {
            return Err(err);
        }
    }
    Ok(builder.root.unwrap_or(Node {
        pos: Pos { line: 1, column: 1 },
        value: Value::Map(Vec::new()),
    }))
}

/// A container under construction: its node, its anchor, a key waiting for its value, and
/// the value count when it started (its size, once it ends, for aliases to charge).
struct Open {
    node: Node,
    anchor: usize,
    key: Option<Node>,
    values_before: usize,
}

/// An anchored node with what a copy of it costs: its values and its depth.
struct Anchored {
    node: Node,
    values: usize,
    depth: usize,
}

/// Collects parser events into nodes; containers under construction wait on a stack.
#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    anchors: HashMap<usize, Anchored>,
    root: Option<Node>,
    error: Option<SyntaxError>,
    /// Where the first document started.
    first_document: Option<Pos>,
    /// Values made so far, alias copies included.
    values: usize,
    /// Of those, the ones aliases copied.
    copied: usize,
}

impl Builder {
    fn fail(&mut self, pos: Pos, message: String) {
        self.error.get_or_insert(SyntaxError { pos, message });
    }

    fn document(&mut self, pos: Pos) {
        match self.first_document {
            None => self.first_document = Some(pos),
            Some(first) => self.fail(
                pos,
                format!(
                    "a second YAML document starts here; a registry file holds one (the first starts on line {}), so put each community in its own file",
                    first.line
                ),
            ),
        }
    }

    /// Counts `n` more values, failing past the limit.
    fn charge(&mut self, n: usize, pos: Pos) {
        self.values = self.values.saturating_add(n);
        if self.values > MAX_YAML_VALUES {
            self.fail(
                pos,
                format!("the file holds more than {MAX_YAML_VALUES} values (townhall's limit)"),
            );
        }
    }

    fn nest(&mut self, extra: usize, pos: Pos) {
        if self.stack.len() + extra > MAX_DEPTH {
            self.fail(pos, too_deep());
        }
    }

    fn push_value(&mut self, node: Node) {
        let Some(open) = self.stack.last_mut() else {
            self.root.get_or_insert(node);
            return;
        };
        let pending_key = &mut open.key;
        let parent = &mut open.node;
        match &mut parent.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => match pending_key.take() {
                None => {
                    // The parser marks a block mapping after its first key; point at the key.
                    if entries.is_empty() {
                        parent.pos = node.pos;
                    }
                    if node.as_str().is_none() {
                        let message = format!("a key must be text, found {}", node.describe());
                        self.fail(node.pos, message);
                        return;
                    }
                    *pending_key = Some(node);
                }
                Some(key) => {
                    if let Some((first, _)) =
                        entries.iter().find(|(k, _)| k.as_str() == key.as_str())
                    {
                        let message = format!(
                            "duplicate key `{}` (first on line {})",
                            key.as_str().unwrap_or(""),
                            first.pos.line
                        );
                        self.error.get_or_insert(SyntaxError {
                            pos: key.pos,
                            message,
                        });
                    }
                    entries.push((key, node));
                }
            },
            Value::Scalar { .. } => unreachable!("scalars are never on the stack"),
        }
    }

    fn open(&mut self, value: Value, anchor: usize, pos: Pos) {
        self.nest(1, pos);
        self.charge(1, pos);
        let values_before = self.values;
        self.stack.push(Open {
            node: Node { pos, value },
            anchor,
            key: None,
            values_before,
        });
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = pos_of(mark);
        match ev {
            Event::Scalar(text, style, anchor, _) => {
                if text.len() > MAX_VALUE_BYTES {
                    self.fail(
                        pos,
                        format!(
                            "a value of {} bytes; townhall's limit is {}",
                            text.len(),
                            crate::untrusted::read::bytes(MAX_VALUE_BYTES as u64)
                        ),
                    );
                    return;
                }
                self.charge(1, pos);
                let quoted = style != TScalarStyle::Plain;
                let node = Node {
                    pos,
                    value: Value::Scalar { text, quoted },
                };
                if anchor > 0 {
                    let anchored = Anchored {
                        node: node.clone(),
                        values: 1,
                        depth: 0,
                    };
                    self.anchors.insert(anchor, anchored);
                }
                self.push_value(node);
            }
            Event::SequenceStart(anchor, _) => self.open(Value::Seq(Vec::new()), anchor, pos),
            Event::MappingStart(anchor, _) => self.open(Value::Map(Vec::new()), anchor, pos),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.stack.pop() {
                    if open.anchor > 0 {
                        let anchored = Anchored {
                            node: open.node.clone(),
                            values: self.values - open.values_before + 1,
                            depth: depth(&open.node),
                        };
                        self.anchors.insert(open.anchor, anchored);
                    }
                    self.push_value(open.node);
                }
            }
            Event::Alias(id) => {
                let Some(anchored) = self.anchors.get(&id) else {
                    self.fail(pos, "an alias to an anchor not defined before it".into());
                    return;
                };
                let (values, extra) = (anchored.values, anchored.depth);
                self.copied = self.copied.saturating_add(values);
                if self.copied > MAX_ALIAS_VALUES {
                    self.fail(
                        pos,
                        format!(
                            "aliases here copy more than {MAX_ALIAS_VALUES} values in all (townhall's limit; aliases of aliases?)"
                        ),
                    );
                    return;
                }
                self.charge(values, pos);
                self.nest(extra, pos);
                if self.error.is_some() {
                    return;
                }
                // The copy is reported where it is used: a duplicate group id made by an
                // alias is at the alias, not at the anchor it copied.
                let mut node = self.anchors[&id].node.clone();
                place(&mut node, pos);
                self.push_value(node);
            }
            _ => {}
        }
    }
}

fn too_deep() -> String {
    format!("lists and mappings nest too deep here (townhall's limit is {MAX_DEPTH} levels)")
}

/// How many levels of lists and mappings `node` has below it.
fn depth(node: &Node) -> usize {
    match &node.value {
        Value::Scalar { .. } => 0,
        Value::Seq(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Map(entries) => 1 + entries.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
    }
}

fn place(node: &mut Node, pos: Pos) {
    node.pos = pos;
    match &mut node.value {
        Value::Scalar { .. } => {}
        Value::Seq(items) => items.iter_mut().for_each(|n| place(n, pos)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            place(k, pos);
            place(v, pos);
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let doc = parse("a: 1\nbb:\n  - x\n  - 'y'\n").unwrap();
        let (key, value) = doc.entry("bb").unwrap();
        assert_eq!(key.pos, Pos { line: 2, column: 1 });
        let second = value.index(1).unwrap();
        assert_eq!(second.pos, Pos { line: 4, column: 5 });
        assert_eq!(
            second.value,
            Value::Scalar {
                text: "y".into(),
                quoted: true
            }
        );
    }

    #[test]
    fn null_spellings_are_null_but_quoted_ones_are_strings() {
        let doc = parse("a:\nb: ~\nc: null\nd: ''\ne: 'null'\n").unwrap();
        for key in ["a", "b", "c"] {
            assert!(doc.get(key).unwrap().is_null(), "{key}");
        }
        assert_eq!(doc.get("d").unwrap().as_str(), Some(""));
        assert_eq!(doc.get("e").unwrap().as_str(), Some("null"));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(err.pos.line >= 1, "{err:?}");
        assert!(!err.message.is_empty());
    }

    #[test]
    fn duplicate_keys_are_refused_at_the_second_key() {
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 3, column: 1 });
        assert_eq!(err.message, "duplicate key `a` (first on line 1)");
    }

    #[test]
    fn aliases_copy_the_anchored_node() {
        let doc = parse("a: &x {k: v}\nb: *x\n").unwrap();
        assert_eq!(doc.get("b").unwrap().get("k").unwrap().as_str(), Some("v"));
    }

    #[test]
    fn a_copy_made_by_an_alias_is_placed_at_the_alias() {
        let doc = parse("a: &x {k: v}\nb: *x\n").unwrap();
        let copy = doc.get("b").unwrap();
        assert_eq!(copy.get("k").unwrap().pos, Pos { line: 2, column: 4 });
        assert_eq!(doc.get("a").unwrap().get("k").unwrap().pos.line, 1);
    }

    #[test]
    fn a_second_document_is_an_error_naming_both() {
        let err = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(err.pos.line, 2);
        assert!(
            err.message.contains("first starts on line 1"),
            "{}",
            err.message
        );
        assert!(parse("---\na: 1\n...\n").is_ok());
    }

    #[test]
    fn keys_must_be_text() {
        for yaml in ["~: 1\n", "? [a, b]\n: 1\n", "a: 1\n? {b: c}\n: 2\n"] {
            let err = parse(yaml).unwrap_err();
            assert!(
                err.message.starts_with("a key must be text"),
                "{yaml:?}: {err:?}"
            );
        }
    }

    #[test]
    fn aliases_of_aliases_stop_at_the_value_limit() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let err = parse(&yaml).unwrap_err();
        assert!(
            err.message.contains("copy more than 100000 values"),
            "{err:?}"
        );
        assert_eq!(err.pos.line, 5, "the alias that crosses the limit");
    }

    #[test]
    fn deep_nesting_and_long_values_are_refused() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(
            parse(&deep)
                .unwrap_err()
                .message
                .contains("limit is 64 levels")
        );
        let long = format!("a: {}\n", "x".repeat(MAX_VALUE_BYTES + 1));
        let err = parse(&long).unwrap_err();
        assert_eq!(
            err.message,
            "a value of 65537 bytes; townhall's limit is 64 KiB"
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_content() {
        assert_eq!(
            parse("\u{FEFF}a: 1\n").unwrap().get("a").unwrap().as_str(),
            Some("1")
        );
    }

    #[test]
    fn an_empty_file_is_an_empty_mapping() {
        assert_eq!(parse("").unwrap().value, Value::Map(Vec::new()));
    }
}
