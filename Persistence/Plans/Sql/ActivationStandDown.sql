UPDATE plan_activations
SET stood_down_at = @At, stood_down_by = @By, stand_down_reason = @Reason
WHERE incident_id = @IncidentId AND plan_code = @PlanCode;
