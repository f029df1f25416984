//! A YAML document as a tree that remembers where every value was written.
//!
//! serde_yaml reports only the first error and hides positions from `Deserialize`, so our own
//! format is parsed into this tree first: validation can then point at the line and column of
//! every problem in a file, all at once.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

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
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    parser.load(&mut builder, false).map_err(|e| SyntaxError {
        pos: pos_of(*e.marker()),
        message: e.info().to_string(),
    })?;
    if let Some(err) = builder.error {
        return Err(err);
    }
    Ok(builder.root.unwrap_or(Node {
        pos: Pos { line: 1, column: 1 },
        value: Value::Map(Vec::new()),
    }))
}

/// Collects parser events into nodes; containers under construction wait on a stack.
#[derive(Default)]
struct Builder {
    stack: Vec<(Node, usize, Option<Node>)>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    error: Option<SyntaxError>,
}

impl Builder {
    fn push_value(&mut self, node: Node) {
        let Some((parent, _, pending_key)) = self.stack.last_mut() else {
            self.root.get_or_insert(node);
            return;
        };
        match &mut parent.value {
            Value::Seq(items) => items.push(node),
            Value::Map(entries) => match pending_key.take() {
                None => {
                    // The parser marks a block mapping after its first key; point at the key.
                    if entries.is_empty() {
                        parent.pos = node.pos;
                    }
                    *pending_key = Some(node);
                }
                Some(key) => {
                    let dup = key.as_str().is_some()
                        && entries.iter().any(|(k, _)| k.as_str() == key.as_str());
                    if dup && self.error.is_none() {
                        self.error = Some(SyntaxError {
                            pos: key.pos,
                            message: format!("duplicate key `{}`", key.as_str().unwrap_or("")),
                        });
                    }
                    entries.push((key, node));
                }
            },
            Value::Scalar { .. } => unreachable!("scalars are never on the stack"),
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = pos_of(mark);
        match ev {
            Event::Scalar(text, style, anchor, _) => {
                let quoted = style != TScalarStyle::Plain;
                let node = Node {
                    pos,
                    value: Value::Scalar { text, quoted },
                };
                if anchor > 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.push_value(node);
            }
            Event::SequenceStart(anchor, _) => {
                let node = Node {
                    pos,
                    value: Value::Seq(Vec::new()),
                };
                self.stack.push((node, anchor, None));
            }
            Event::MappingStart(anchor, _) => {
                let node = Node {
                    pos,
                    value: Value::Map(Vec::new()),
                };
                self.stack.push((node, anchor, None));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((node, anchor, _)) = self.stack.pop() {
                    if anchor > 0 {
                        self.anchors.insert(anchor, node.clone());
                    }
                    self.push_value(node);
                }
            }
            Event::Alias(id) => {
                let node = self.anchors.get(&id).cloned().unwrap_or(Node {
                    pos,
                    value: Value::Scalar {
                        text: String::new(),
                        quoted: false,
                    },
                });
                self.push_value(node);
            }
            _ => {}
        }
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
        assert_eq!(err.message, "duplicate key `a`");
    }

    #[test]
    fn aliases_copy_the_anchored_node() {
        let doc = parse("a: &x {k: v}\nb: *x\n").unwrap();
        assert_eq!(doc.get("b").unwrap().get("k").unwrap().as_str(), Some("v"));
    }

    #[test]
    fn an_empty_file_is_an_empty_mapping() {
        assert_eq!(parse("").unwrap().value, Value::Map(Vec::new()));
    }
}
