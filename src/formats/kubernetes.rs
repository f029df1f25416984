//! Placeholder while the converter is written on its own branch; replaced before release.

use super::{Converted, Origin, Reader};
use crate::registry::node::Node;

pub fn convert(mut reader: Reader, root: &Node, _origin: &Origin) -> Converted {
    reader.error(root.pos, "this format is not readable yet");
    Converted {
        problems: reader.into_problems(),
        ..Converted::default()
    }
}
