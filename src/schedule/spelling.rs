//! Near misses: the word someone probably meant when a name isn't known, for "did you mean".

/// The candidate closest to `word` (ignoring case) when it is within a typo or two of it.
///
/// Short words get no suggestion: "XT" is one letter from "ET" and "MT" and "PT" alike, and a
/// confident wrong guess is worse than none.
pub(super) fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.trim().to_lowercase();
    let allowed = match word.chars().count() {
        0..=3 => return None,
        4..=6 => 1,
        _ => 2,
    };
    candidates
        .into_iter()
        .map(|c| (distance(&word, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= allowed)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars: insertions, deletions and substitutions each cost one.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        for (a, b, want) in [
            ("thursday", "thursday", 0),
            ("thurday", "thursday", 1),
            ("tuseday", "tuesday", 2),
            ("", "abc", 3),
            ("kitten", "sitting", 3),
        ] {
            assert_eq!(distance(a, b), want, "{a} -> {b}");
        }
    }

    #[test]
    fn suggestions() {
        let days = ["monday", "tuesday", "thursday"];
        for (word, want) in [
            ("thurday", Some("thursday")),
            ("THURSDAY", Some("thursday")),
            ("tusday", Some("tuesday")),
            ("mon", None),
            ("xylophone", None),
        ] {
            assert_eq!(nearest(word, days), want, "{word}");
        }
    }
}
