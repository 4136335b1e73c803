package dev.tollgate.gate;

/** The shape of a team webhook's body: Tollgate's own JSON, or a message Slack's incoming webhooks accept. */
public enum WebhookFormat {
    JSON, SLACK
}
