//! Which characters are invisible yet change how text reads or renders.
//!
//! The definition is Unicode's, not a hand list: Default_Ignorable_Code_Point (zero-width
//! spaces and joiners, the soft hyphen, U+180E, variation selectors, tag characters, ...),
//! Bidi_Control (U+061C, U+200E/F, U+202A–E, U+2066–9), General_Category Format (Cf, which
//! adds what Default_Ignorable leaves out on purpose, such as the interlinear annotation
//! marks U+FFF9–FFFB), and the line and paragraph separators U+2028/U+2029, which some
//! terminals and editors treat as line breaks. The data is ICU4X's compiled Unicode
//! properties (`icu_properties` 2.4, generated from Unicode 18.0.0), the same tables the
//! `url` crate already uses for international domain names.

use icu_properties::props::{BidiControl, DefaultIgnorableCodePoint, GeneralCategory};
use icu_properties::{CodePointMapData, CodePointSetData};

/// Invisible or direction-changing: never shown raw, removed from registry text.
pub fn is_invisible(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        || CodePointSetData::new::<BidiControl>().contains(c)
        || matches!(
            CodePointMapData::<GeneralCategory>::new().get(c),
            GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_hand_lists_miss_are_invisible() {
        for c in [
            '\u{061C}',
            '\u{00AD}',
            '\u{180E}',
            '\u{2028}',
            '\u{2029}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{FFF9}',
            '\u{FFFA}',
            '\u{FFFB}',
            '\u{200B}',
            '\u{200D}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{FE0F}',
            '\u{3164}',
            '\u{115F}',
        ] {
            assert!(is_invisible(c), "{:?}", c);
        }
    }

    #[test]
    fn visible_text_is_not() {
        for c in "aZ09 -_é中文🚀ßΩ…→".chars() {
            assert!(!is_invisible(c), "{c:?}");
        }
    }
}
