//! People as foreign files list them: once per role. A group's page reads better with each
//! person once, so someone listed twice in one group (a tech lead who also leads a
//! subproject) becomes one lead whose role names both.

use crate::model::Lead;

/// Adds `lead` to `leads`, or merges it into the entry with the same GitHub handle.
pub fn add(leads: &mut Vec<Lead>, lead: Lead) {
    let same = |l: &&mut Lead| match (&l.github, &lead.github) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    let Some(existing) = leads.iter_mut().find(same) else {
        leads.push(lead);
        return;
    };
    existing.role = match (existing.role.take(), lead.role) {
        (Some(a), Some(b)) if a.split(" and ").any(|r| r == b) => Some(a),
        (Some(a), Some(b)) => Some(format!("{a} and {b}")),
        (a, b) => a.or(b),
    };
    if existing.company.is_none() {
        existing.company = lead.company;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(github: Option<&str>, role: &str, company: Option<&str>) -> Lead {
        Lead {
            name: github.unwrap_or("Someone").into(),
            role: Some(role.into()),
            company: company.map(Into::into),
            github: github.map(Into::into),
        }
    }

    #[test]
    fn one_person_with_two_roles_is_one_lead() {
        let mut leads = Vec::new();
        add(&mut leads, lead(Some("catblade"), "chair", None));
        add(&mut leads, lead(Some("pacoxu"), "chair", None));
        add(
            &mut leads,
            lead(Some("CatBlade"), "Batch subproject lead", Some("NVIDIA")),
        );
        add(&mut leads, lead(Some("catblade"), "chair", None));
        assert_eq!(leads.len(), 2);
        assert_eq!(
            leads[0].role.as_deref(),
            Some("chair and Batch subproject lead")
        );
        assert_eq!(leads[0].company.as_deref(), Some("NVIDIA"));
    }

    #[test]
    fn people_without_a_handle_are_never_merged() {
        let mut leads = Vec::new();
        add(&mut leads, lead(None, "chair", None));
        add(&mut leads, lead(None, "chair", None));
        assert_eq!(leads.len(), 2);
    }
}
