//! What the converters' tests share: reading a YAML text as one format, and looking at the
//! result.

use super::{Converted, Format, Origin, convert};
use crate::model::Group;
use crate::yaml::node::parse;

pub fn read_as(format: Format, file: &str, yaml: &str, origin: &Origin) -> Converted {
    convert(
        format,
        file,
        &parse(yaml).expect("test YAML parses"),
        origin,
    )
}

pub fn groups(converted: &Converted) -> &[Group] {
    &converted.file.as_ref().expect("the file was read").groups
}

/// Every problem as townhall prints it.
pub fn messages(converted: &Converted) -> Vec<String> {
    converted.problems.iter().map(ToString::to_string).collect()
}
