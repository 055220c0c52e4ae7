//! Persona A/B tests in the store: each fan's variant (drawn once, then kept) and the experiments
//! an operator stopped or promoted from the CLI.

use super::{now_ms, Store, StoreError};

/// How an operator ended an experiment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    /// Every fan gets the control again.
    Stopped,
    /// Every fan gets this variant.
    Promoted(String),
}

impl Store {
    /// How `experiment` of `creator` was ended, if it was.
    pub async fn experiment_end(
        &self,
        creator: &str,
        experiment: &str,
    ) -> Result<Option<Ended>, StoreError> {
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT state, variant FROM experiment_ends WHERE creator_handle = ?1 AND experiment = ?2",
        )
        .bind(creator)
        .bind(experiment)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(|(state, variant)| match (state.as_str(), variant) {
            ("promoted", Some(v)) => Ended::Promoted(v),
            _ => Ended::Stopped,
        }))
    }

    /// Ends `experiment`: stopped (`variant` None) or with `variant` promoted; `by` names who.
    /// Ending it again replaces the previous end.
    pub async fn end_experiment(
        &self,
        creator: &str,
        experiment: &str,
        variant: Option<&str>,
        by: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO experiment_ends (creator_handle, experiment, state, variant, ended_at, ended_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (creator_handle, experiment) DO UPDATE SET state = excluded.state,
                 variant = excluded.variant, ended_at = excluded.ended_at, ended_by = excluded.ended_by",
        )
        .bind(creator)
        .bind(experiment)
        .bind(if variant.is_some() { "promoted" } else { "stopped" })
        .bind(variant)
        .bind(now_ms())
        .bind(by)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Runs `experiment` again (undoes a stop or promotion); whether it had ended.
    pub async fn resume_experiment(
        &self,
        creator: &str,
        experiment: &str,
    ) -> Result<bool, StoreError> {
        let n = sqlx::query(
            "DELETE FROM experiment_ends WHERE creator_handle = ?1 AND experiment = ?2",
        )
        .bind(creator)
        .bind(experiment)
        .execute(self.writer())
        .await?
        .rows_affected();
        Ok(n > 0)
    }

    /// The variant `fan` was given in `experiment`, if any.
    pub async fn experiment_variant(
        &self,
        creator: &str,
        experiment: &str,
        fan: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT variant FROM experiment_fans
             WHERE creator_handle = ?1 AND experiment = ?2 AND fan_uuid = ?3",
        )
        .bind(creator)
        .bind(experiment)
        .bind(fan)
        .fetch_optional(self.reader())
        .await?)
    }

    /// Gives `fan` `variant` (replacing a variant the config no longer has) and returns it.
    pub async fn assign_variant(
        &self,
        creator: &str,
        experiment: &str,
        fan: &str,
        variant: &str,
    ) -> Result<String, StoreError> {
        sqlx::query(
            "INSERT INTO experiment_fans (creator_handle, experiment, fan_uuid, variant, assigned_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (creator_handle, experiment, fan_uuid) DO UPDATE SET variant = excluded.variant,
                 assigned_at = excluded.assigned_at",
        )
        .bind(creator)
        .bind(experiment)
        .bind(fan)
        .bind(variant)
        .bind(now_ms())
        .execute(self.writer())
        .await?;
        Ok(variant.to_string())
    }

    /// How many fans each variant of `experiment` holds.
    pub async fn experiment_fans(
        &self,
        creator: &str,
        experiment: &str,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT variant, count(*) FROM experiment_fans
             WHERE creator_handle = ?1 AND experiment = ?2 GROUP BY variant ORDER BY variant",
        )
        .bind(creator)
        .bind(experiment)
        .fetch_all(self.reader())
        .await?)
    }
}
