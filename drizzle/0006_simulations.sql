CREATE TABLE "simulation_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"scenario" text NOT NULL,
	"mode" text NOT NULL,
	"timer" text NOT NULL,
	"steps" integer DEFAULT 0 NOT NULL,
	"node" text NOT NULL,
	"mood" integer NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"scores" jsonb NOT NULL,
	"outcome" text,
	"percent" integer,
	"passed" boolean,
	"reflection" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "simulation_attempt_mode_check" CHECK ("simulation_attempt"."mode" in ('practice', 'assessment')),
	CONSTRAINT "simulation_attempt_timer_check" CHECK ("simulation_attempt"."timer" in ('x1', 'x2', 'x10', 'off'))
);
--> statement-breakpoint
CREATE TABLE "simulation_event" (
	"attempt_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"choice_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulation_event_attempt_seq_key" PRIMARY KEY("attempt_id","seq"),
	CONSTRAINT "simulation_event_seq_check" CHECK ("simulation_event"."seq" >= 1)
);
--> statement-breakpoint
ALTER TABLE "simulation_attempt" ADD CONSTRAINT "simulation_attempt_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulation_event" ADD CONSTRAINT "simulation_event_attempt_id_simulation_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."simulation_attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "simulation_attempt_user_scenario_idx" ON "simulation_attempt" USING btree ("user_id","scenario","started_at");--> statement-breakpoint
CREATE INDEX "simulation_attempt_scenario_finished_idx" ON "simulation_attempt" USING btree ("scenario","finished_at");