//! Serde over a positioned YAML tree: the model's derives do the typing, while unknown keys
//! are collected (not fatal) so a file with several typos reports them all.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::node::{Node, Pos, Value};

/// A type error, with the position of the value it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    pub pos: Option<Pos>,
    pub message: String,
}

impl DeError {
    /// Keeps the innermost position: errors are created deep down and pass through parents.
    fn at(mut self, pos: Pos) -> Self {
        self.pos.get_or_insert(pos);
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            pos: None,
            message: msg.to_string(),
        }
    }
}

/// A key a struct does not know, with the key's own position.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownKey {
    pub pos: Pos,
    pub key: String,
    pub expected: &'static [&'static str],
}

/// Deserializes `T` from `node`; unknown keys land in `unknown` instead of failing.
pub fn from_node<'a, T: de::Deserialize<'a>>(
    node: &'a Node,
    unknown: &RefCell<Vec<UnknownKey>>,
) -> Result<T, DeError> {
    T::deserialize(NodeDe { node, unknown }).map_err(|e: DeError| e.at(node.pos))
}

#[derive(Clone, Copy)]
struct NodeDe<'a, 'u> {
    node: &'a Node,
    unknown: &'u RefCell<Vec<UnknownKey>>,
}

impl<'a> NodeDe<'a, '_> {
    fn child(self, node: &'a Node) -> Self {
        NodeDe { node, ..self }
    }

    fn scalar(&self) -> Result<&'a str, DeError> {
        match &self.node.value {
            Value::Scalar { text, .. } => Ok(text),
            _ => Err(self.mismatch("a single value")),
        }
    }

    fn mismatch(&self, expected: &str) -> DeError {
        DeError {
            pos: Some(self.node.pos),
            message: format!("expected {expected}, found {}", self.node.describe()),
        }
    }

    fn number<N: std::str::FromStr>(&self, what: &str) -> Result<N, DeError> {
        let text = self.scalar()?;
        text.trim()
            .replace('_', "")
            .parse()
            .map_err(|_| self.mismatch(what))
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty, $what:literal;)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
            let n: $ty = self.number($what)?;
            visitor.$visit(n).map_err(|e: DeError| e.at(self.node.pos))
        }
    )*};
}

impl<'a> de::Deserializer<'a> for NodeDe<'a, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let result = match &self.node.value {
            Value::Seq(_) => return self.deserialize_seq(visitor),
            Value::Map(_) => return self.deserialize_map(visitor),
            _ if self.node.is_null() => visitor.visit_unit(),
            Value::Scalar { text, quoted: true } => visitor.visit_str(text),
            Value::Scalar {
                text,
                quoted: false,
            } => match text.as_str() {
                "true" | "True" | "TRUE" => visitor.visit_bool(true),
                "false" | "False" | "FALSE" => visitor.visit_bool(false),
                t => match (t.parse::<i64>(), t.parse::<f64>()) {
                    (Ok(i), _) => visitor.visit_i64(i),
                    (_, Ok(f)) => visitor.visit_f64(f),
                    _ => visitor.visit_str(t),
                },
            },
        };
        result.map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let b = match self.scalar()?.trim() {
            "true" | "True" | "TRUE" => true,
            "false" | "False" | "FALSE" => false,
            _ => return Err(self.mismatch("true or false")),
        };
        visitor
            .visit_bool(b)
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    numbers! {
        deserialize_i8 visit_i64 i64, "a whole number";
        deserialize_i16 visit_i64 i64, "a whole number";
        deserialize_i32 visit_i64 i64, "a whole number";
        deserialize_i64 visit_i64 i64, "a whole number";
        deserialize_u8 visit_u64 u64, "a whole number";
        deserialize_u16 visit_u64 u64, "a whole number";
        deserialize_u32 visit_u64 u64, "a whole number";
        deserialize_u64 visit_u64 u64, "a whole number";
        deserialize_f32 visit_f64 f64, "a number";
        deserialize_f64 visit_f64 f64, "a number";
    }

    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    /// Any scalar reads as text (`meeting_id: 3361029682` is a string to us); nothing reads as
    /// an empty string so that `name:` is reported as empty rather than as a type error.
    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let text = if self.node.is_null() {
            ""
        } else {
            self.scalar().map_err(|_| self.mismatch("text"))?
        };
        visitor
            .visit_str(text)
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.node.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    /// A missing list (`goals:`) is an empty one.
    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let items: &[Node] = match &self.node.value {
            Value::Seq(items) => items,
            _ if self.node.is_null() => &[],
            _ => return Err(self.mismatch("a list")),
        };
        let access = Items {
            de: self,
            items: items.iter(),
        };
        visitor
            .visit_seq(access)
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            return Err(self.mismatch("a mapping"));
        };
        let access = Entries {
            de: self,
            entries: entries.iter().collect::<Vec<_>>().into_iter(),
            value: None,
        };
        visitor
            .visit_map(access)
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Value::Map(entries) = &self.node.value else {
            return Err(self.mismatch("a mapping"));
        };
        let mut known = Vec::with_capacity(entries.len());
        for entry in entries {
            match entry.0.as_str() {
                Some(key) if !fields.contains(&key) => self.unknown.borrow_mut().push(UnknownKey {
                    pos: entry.0.pos,
                    key: key.to_string(),
                    expected: fields,
                }),
                _ => known.push(entry),
            }
        }
        let access = Entries {
            de: self,
            entries: known.into_iter(),
            value: None,
        };
        visitor
            .visit_map(access)
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let text = self.scalar()?;
        visitor
            .visit_enum(text.into_deserializer())
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

struct Items<'a, 'u, I> {
    de: NodeDe<'a, 'u>,
    items: I,
}

impl<'a, I: Iterator<Item = &'a Node>> SeqAccess<'a> for Items<'a, '_, I> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            None => Ok(None),
            Some(node) => seed
                .deserialize(self.de.child(node))
                .map(Some)
                .map_err(|e: DeError| e.at(node.pos)),
        }
    }
}

struct Entries<'a, 'u, I> {
    de: NodeDe<'a, 'u>,
    entries: I,
    value: Option<&'a Node>,
}

impl<'a, I: Iterator<Item = &'a (Node, Node)>> MapAccess<'a> for Entries<'a, '_, I> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.entries.next() {
            None => Ok(None),
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(self.de.child(key))
                    .map(Some)
                    .map_err(|e: DeError| e.at(key.pos))
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let node = self
            .value
            .take()
            .expect("serde asks for a value after its key");
        seed.deserialize(self.de.child(node))
            .map_err(|e: DeError| e.at(node.pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Group, Status};
    use crate::yaml::node::parse;

    fn group(yaml: &str) -> (Result<Group, DeError>, Vec<UnknownKey>) {
        let node = parse(yaml).unwrap();
        let unknown = RefCell::new(Vec::new());
        let result = from_node::<Group>(&node, &unknown);
        (result, unknown.into_inner())
    }

    #[test]
    fn unknown_keys_are_collected_and_the_rest_still_loads() {
        let (g, unknown) = group("id: a\nname: A\nmisson: x\nleeds: []\n");
        let g = g.unwrap();
        assert_eq!(g.name, "A");
        let keys: Vec<_> = unknown
            .iter()
            .map(|u| (u.key.as_str(), u.pos.line, u.pos.column))
            .collect();
        assert_eq!(keys, [("misson", 3, 1), ("leeds", 4, 1)]);
    }

    #[test]
    fn type_errors_point_at_the_offending_value() {
        let (g, _) = group("id: a\nname: A\nleads:\n  - name: B\n    github: [x]\n");
        let err = g.unwrap_err();
        assert_eq!(
            err.pos,
            Some(Pos {
                line: 5,
                column: 13
            })
        );
        assert_eq!(err.message, "expected text, found a list");
    }

    #[test]
    fn unknown_enum_values_name_the_choices() {
        let (g, _) = group("id: a\nname: A\nstatus: gone\n");
        let err = g.unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 3, column: 9 }));
        assert!(
            err.message.contains("unknown variant `gone`"),
            "{}",
            err.message
        );
        assert!(err.message.contains("dissolved"), "{}", err.message);
    }

    #[test]
    fn missing_required_keys_point_at_their_mapping() {
        // A group may leave out its `name` (a patch); never its `id`.
        let (g, _) = group("name: A\nkind: sig\n");
        let err = g.unwrap_err();
        assert_eq!(err.message, "missing field `id`");
        assert_eq!(err.pos, Some(Pos { line: 1, column: 1 }));
    }

    #[test]
    fn plain_scalars_read_as_text_and_null_lists_as_empty() {
        let (g, unknown) = group("id: 42\nname: A\nstatus: dissolved\ngoals:\nleads: ~\n");
        let g = g.unwrap();
        assert!(unknown.is_empty());
        assert_eq!(
            (g.id.as_str(), g.status, g.goals.len()),
            ("42", Status::Dissolved, 0)
        );
    }
}
