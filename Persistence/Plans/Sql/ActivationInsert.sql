INSERT INTO plan_activations (incident_id, plan_code, plan_id, plan_version, title_ar, title_en, trigger_kind, activated_by, activated_at, reason, position)
VALUES (@IncidentId, @PlanCode, @PlanId, @PlanVersion, @TitleAr, @TitleEn, @TriggerKind, @ActivatedBy, @ActivatedAt, @Reason, @Position);
