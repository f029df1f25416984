//! A word one slip of the finger away from a term: `kubeclt` for kubectl, `kubctl`,
//! `kubecctl`, `kubectk`. Letters in order can't find a swapped pair, so a search where no
//! group has the term as a run looks for these too, in the short fields only.

use super::fold::fold_char;
use super::query::{Term, TermKind};
use super::store::FieldText;

/// Shorter terms are a slip away from too many words to say anything.
const MIN_CHARS: usize = 5;

/// Whether a term may be matched as a typo at all.
pub(crate) fn applies(term: &Term) -> bool {
    term.kind == TermKind::Fuzzy
        && !term.inverse
        && term.chars >= MIN_CHARS
        && term.needle.iter().all(|c| c.is_alphanumeric())
}

/// Whether the group (or field) with this char mask might have such a word: a slip changes
/// at most one of the term's chars.
pub(crate) fn may_have(term: &Term, mask: u64) -> bool {
    (term.mask & !mask).count_ones() <= 1
}

/// The char start and length of the first word of `text` one slip away from the term.
pub(crate) fn near_word(term: &Term, text: &FieldText<'_>) -> Option<(usize, usize)> {
    if !may_have(term, text.mask()) {
        return None;
    }
    let hay = if term.sensitive {
        text.original()
    } else {
        text.folded()
    };
    if hay.is_ascii() && term.text.is_ascii() {
        return near_ascii_word(term.text.as_bytes(), hay.as_bytes());
    }
    let mut word: Vec<char> = Vec::new();
    let mut start = 0;
    for (i, c) in hay.chars().chain(std::iter::once(' ')).enumerate() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.push(if term.sensitive { c } else { fold_char(c) });
            continue;
        }
        if !word.is_empty() && one_slip(&term.needle, &word) {
            return Some((start, word.len()));
        }
        word.clear();
    }
    None
}

/// `near_word` for ASCII texts (most of them), on bytes: words of a length no slip can reach
/// are passed over without being copied, and ASCII folding is the folded text's own.
fn near_ascii_word(typed: &[u8], hay: &[u8]) -> Option<(usize, usize)> {
    let mut start = 0;
    for word in hay.split(|b| !b.is_ascii_alphanumeric()) {
        if word.len().abs_diff(typed.len()) <= 1 && one_slip(typed, word) {
            return Some((start, word.len()));
        }
        start += word.len() + 1;
    }
    None
}

/// `typed` is `word` with two neighbours swapped, one char wrong, one extra or one missing
/// (and not `word` itself).
fn one_slip<T: PartialEq>(typed: &[T], word: &[T]) -> bool {
    let (t, w) = (typed.len(), word.len());
    if t.abs_diff(w) > 1 || typed == word {
        return false;
    }
    let same = typed.iter().zip(word).take_while(|(a, b)| a == b).count();
    let (typed, word) = (&typed[same..], &word[same..]);
    match t.cmp(&w) {
        std::cmp::Ordering::Greater => typed[1..] == *word,
        std::cmp::Ordering::Less => *typed == word[1..],
        std::cmp::Ordering::Equal => {
            typed[1..] == word[1..]
                || (typed.len() >= 2
                    && typed[0] == word[1]
                    && typed[1] == word[0]
                    && typed[2..] == word[2..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Field;
    use crate::search::Query;
    use crate::search::store::FieldStore;

    fn near(query: &str, text: &str) -> Option<(usize, usize)> {
        let term = &Query::parse(query).sets[0][0];
        assert!(applies(term), "{query}");
        let store = FieldStore::one(Field::Repo, text);
        near_word(term, &store.get(0))
    }

    #[test]
    fn one_slip_finds_the_word() {
        assert_eq!(near("kubeclt", "kubernetes/kubectl"), Some((11, 7)));
        assert_eq!(near("kubctl", "kubectl-validate"), Some((0, 7)));
        assert_eq!(near("kubecctl", "kubectl"), Some((0, 7)));
        assert_eq!(near("kubectk", "kubectl"), Some((0, 7)));
        assert_eq!(near("ukbectl", "kubectl"), Some((0, 7)));
        assert_eq!(near("Kubeclt", "Kubectl"), Some((0, 7)));
    }

    #[test]
    fn non_ascii_text_is_read_char_by_char_and_gives_char_positions() {
        assert_eq!(near("kubeclt", "Zürich kubectl"), Some((7, 7)));
        assert_eq!(near("mulelr", "José Müller"), Some((5, 6)));
        assert_eq!(near("muller", "José Müller"), None);
        // The same words in ASCII find the same places.
        assert_eq!(near("kubeclt", "Zurich kubectl"), Some((7, 7)));
        assert_eq!(near("mulelr", "Jose Muller"), Some((5, 6)));
    }

    #[test]
    fn two_slips_or_the_word_itself_are_not_one() {
        assert_eq!(near("kubectl", "kubectl"), None);
        assert_eq!(near("kbueclt", "kubectl"), None);
        assert_eq!(near("kubeclt", "kubec"), None);
        assert_eq!(near("Kubeclt", "kubectl"), None);
        assert_eq!(near("kubeclt", "kube ctl"), None);
    }

    #[test]
    fn short_terms_and_operators_are_not_read_as_typos() {
        for query in ["node", "'kubeclt", "^kubeclt", "!kubeclt", "kube-ctl"] {
            assert!(!applies(&Query::parse(query).sets[0][0]), "{query}");
        }
    }
}
