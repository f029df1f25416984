//! Case and accent folding that keeps one char for one char.
//!
//! Highlight positions are char indices into the text as the registry wrote it. Folding with
//! `str::to_lowercase` could change the number of chars ('İ' lowercases to "i\u{307}"), which
//! would shift every later index, so each char is folded on its own to exactly one char: the
//! first char of its lowercase form, with common Latin accents removed so "muller" finds
//! "Müller". Accents outside Latin-1 and Latin Extended-A are kept; they still match themselves.

/// Folds one char for case-insensitive matching.
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    strip_accent(lower)
}

/// The whole text folded; same number of chars as `text`.
pub(crate) fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Folds only the non-ASCII chars, so SkimMatcherV2 (which ignores ASCII case by itself)
/// still sees "CloudEvents" and gives its camelCase bonus, yet also matches "é" to "É".
pub(crate) fn fold_non_ascii(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii() { c } else { fold_char(c) })
        .collect()
}

/// Latin-1 Supplement and Latin Extended-A lowercase letters to their base letter.
fn strip_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_the_char_count() {
        for text in ["İstanbul", "Straße", "ǅemal", "Ωmega", "日本語 🎉 x", "ﬁle"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
            assert_eq!(
                fold_non_ascii(text).chars().count(),
                text.chars().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn folding_lowercases_and_strips_latin_accents() {
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Müller-Łukasz José"), "muller-lukasz jose");
        assert_eq!(fold("ŞIRNAK"), "sirnak");
        assert_eq!(fold("日本語 🎉"), "日本語 🎉");
        assert_eq!(fold_non_ascii("CloudÉvents"), "Cloudevents");
    }
}
