export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      profiles: {
        Row: {
          avatar_path: string | null
          created_at: string
          display_name: string
          id: string
          preferred_units: string
          updated_at: string
        }
        Insert: {
          avatar_path?: string | null
          created_at?: string
          display_name: string
          id: string
          preferred_units?: string
          updated_at?: string
        }
        Update: {
          avatar_path?: string | null
          created_at?: string
          display_name?: string
          id?: string
          preferred_units?: string
          updated_at?: string
        }
        Relationships: []
      }
      projects: {
        Row: {
          app: string
          created_at: string
          description: string | null
          id: string
          name: string
          owner_id: string
          updated_at: string
        }
        Insert: {
          app: string
          created_at?: string
          description?: string | null
          id?: string
          name: string
          owner_id?: string
          updated_at?: string
        }
        Update: {
          app?: string
          created_at?: string
          description?: string | null
          id?: string
          name?: string
          owner_id?: string
          updated_at?: string
        }
        Relationships: []
      }
      qmlab_circuits: {
        Row: {
          created_at: string
          description: string
          forked_from: string | null
          gate_count: number
          id: string
          num_qubits: number
          owner_id: string
          qasm: string
          share_token: string
          title: string
          updated_at: string
          visibility: string
        }
        Insert: {
          created_at?: string
          description?: string
          forked_from?: string | null
          gate_count?: number
          id?: string
          num_qubits: number
          owner_id?: string
          qasm: string
          share_token?: string
          title: string
          updated_at?: string
          visibility?: string
        }
        Update: {
          created_at?: string
          description?: string
          forked_from?: string | null
          gate_count?: number
          id?: string
          num_qubits?: number
          owner_id?: string
          qasm?: string
          share_token?: string
          title?: string
          updated_at?: string
          visibility?: string
        }
        Relationships: [
          {
            foreignKeyName: "qmlab_circuits_forked_from_fkey"
            columns: ["forked_from"]
            referencedRelation: "qmlab_circuits"
            referencedColumns: ["id"]
          },
        ]
      }
      qmlab_runs: {
        Row: {
          circuit_id: string
          counts: NonNullable<Json>
          created_at: string
          duration_ms: number
          engine_version: string
          id: string
          owner_id: string
          ran_in: string
          shots: number
          top_probabilities: NonNullable<Json>
        }
        Insert: {
          circuit_id: string
          counts: NonNullable<Json>
          created_at?: string
          duration_ms: number
          engine_version: string
          id?: string
          owner_id?: string
          ran_in: string
          shots: number
          top_probabilities: NonNullable<Json>
        }
        Update: {
          circuit_id?: string
          counts?: NonNullable<Json>
          created_at?: string
          duration_ms?: number
          engine_version?: string
          id?: string
          owner_id?: string
          ran_in?: string
          shots?: number
          top_probabilities?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "qmlab_runs_circuit_owner_fkey"
            columns: ["circuit_id", "owner_id"]
            referencedRelation: "qmlab_circuits"
            referencedColumns: ["id", "owner_id"]
          },
        ]
      }
      repz_body_profiles: {
        Row: {
          activity_level: string
          birth_date: string | null
          created_at: string
          height_cm: number | null
          id: string
          sex: string | null
          updated_at: string
        }
        Insert: {
          activity_level?: string
          birth_date?: string | null
          created_at?: string
          height_cm?: number | null
          id?: string
          sex?: string | null
          updated_at?: string
        }
        Update: {
          activity_level?: string
          birth_date?: string | null
          created_at?: string
          height_cm?: number | null
          id?: string
          sex?: string | null
          updated_at?: string
        }
        Relationships: []
      }
      repz_coach_links: {
        Row: {
          accepted_at: string | null
          client_id: string | null
          coach_id: string
          created_at: string
          ended_at: string | null
          id: string
          invite_code: string
          invite_expires_at: string
          status: string
          updated_at: string
        }
        Insert: {
          accepted_at?: string | null
          client_id?: string | null
          coach_id?: string
          created_at?: string
          ended_at?: string | null
          id?: string
          invite_code: string
          invite_expires_at: string
          status?: string
          updated_at?: string
        }
        Update: {
          accepted_at?: string | null
          client_id?: string | null
          coach_id?: string
          created_at?: string
          ended_at?: string | null
          id?: string
          invite_code?: string
          invite_expires_at?: string
          status?: string
          updated_at?: string
        }
        Relationships: []
      }
      repz_exercises: {
        Row: {
          created_at: string
          equipment: string
          id: string
          muscle_group: string
          name: string
          owner_id: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          equipment: string
          id?: string
          muscle_group: string
          name: string
          owner_id?: string | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          equipment?: string
          id?: string
          muscle_group?: string
          name?: string
          owner_id?: string | null
          updated_at?: string
        }
        Relationships: []
      }
      repz_messages: {
        Row: {
          body: string
          id: string
          read_at: string | null
          recipient_id: string
          sender_id: string
          sent_at: string
        }
        Insert: {
          body: string
          id?: string
          read_at?: string | null
          recipient_id: string
          sender_id?: string
          sent_at?: string
        }
        Update: {
          body?: string
          id?: string
          read_at?: string | null
          recipient_id?: string
          sender_id?: string
          sent_at?: string
        }
        Relationships: []
      }
      repz_progress: {
        Row: {
          body_fat_pct: number | null
          body_weight_kg: number | null
          created_at: string
          day: string
          id: string
          owner_id: string
          updated_at: string
        }
        Insert: {
          body_fat_pct?: number | null
          body_weight_kg?: number | null
          created_at?: string
          day: string
          id?: string
          owner_id?: string
          updated_at?: string
        }
        Update: {
          body_fat_pct?: number | null
          body_weight_kg?: number | null
          created_at?: string
          day?: string
          id?: string
          owner_id?: string
          updated_at?: string
        }
        Relationships: []
      }
      repz_workout_sets: {
        Row: {
          created_at: string
          exercise_id: string
          id: string
          owner_id: string
          reps: number
          rest_seconds: number | null
          rpe: number | null
          set_number: number
          updated_at: string
          weight_kg: number
          workout_id: string
        }
        Insert: {
          created_at?: string
          exercise_id: string
          id?: string
          owner_id?: string
          reps: number
          rest_seconds?: number | null
          rpe?: number | null
          set_number: number
          updated_at?: string
          weight_kg: number
          workout_id: string
        }
        Update: {
          created_at?: string
          exercise_id?: string
          id?: string
          owner_id?: string
          reps?: number
          rest_seconds?: number | null
          rpe?: number | null
          set_number?: number
          updated_at?: string
          weight_kg?: number
          workout_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "repz_workout_sets_exercise_id_fkey"
            columns: ["exercise_id"]
            referencedRelation: "repz_exercises"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "repz_workout_sets_workout_fkey"
            columns: ["workout_id", "owner_id"]
            referencedRelation: "repz_workouts"
            referencedColumns: ["id", "owner_id"]
          },
        ]
      }
      repz_workouts: {
        Row: {
          created_at: string
          duration_min: number | null
          id: string
          name: string
          notes: string | null
          owner_id: string
          performed_at: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          duration_min?: number | null
          id?: string
          name: string
          notes?: string | null
          owner_id?: string
          performed_at: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          duration_min?: number | null
          id?: string
          name?: string
          notes?: string | null
          owner_id?: string
          performed_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      simcore_results: {
        Row: {
          created_at: string
          owner_id: string
          series: NonNullable<Json>
          simulation_id: string
          size_bytes: number
          summary: NonNullable<Json>
        }
        Insert: {
          created_at?: string
          owner_id?: string
          series: NonNullable<Json>
          simulation_id: string
          size_bytes?: number
          summary: NonNullable<Json>
        }
        Update: {
          created_at?: string
          owner_id?: string
          series?: NonNullable<Json>
          simulation_id?: string
          size_bytes?: number
          summary?: NonNullable<Json>
        }
        Relationships: [
          {
            foreignKeyName: "simcore_results_simulation_fkey"
            columns: ["simulation_id", "owner_id"]
            referencedRelation: "simcore_simulations"
            referencedColumns: ["id", "owner_id"]
          },
        ]
      }
      simcore_simulations: {
        Row: {
          completed_at: string | null
          compute_ms: number | null
          created_at: string
          engine_version: string
          error_message: string | null
          id: string
          module: string
          owner_id: string
          params: NonNullable<Json>
          progress: number
          seed: number | null
          share_token: string | null
          shared_at: string | null
          started_at: string | null
          status: Database["public"]["Enums"]["simcore_run_status"]
          title: string
          updated_at: string
        }
        Insert: {
          completed_at?: string | null
          compute_ms?: number | null
          created_at?: string
          engine_version: string
          error_message?: string | null
          id?: string
          module: string
          owner_id?: string
          params: NonNullable<Json>
          progress?: number
          seed?: number | null
          share_token?: string | null
          shared_at?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["simcore_run_status"]
          title: string
          updated_at?: string
        }
        Update: {
          completed_at?: string | null
          compute_ms?: number | null
          created_at?: string
          engine_version?: string
          error_message?: string | null
          id?: string
          module?: string
          owner_id?: string
          params?: NonNullable<Json>
          progress?: number
          seed?: number | null
          share_token?: string | null
          shared_at?: string | null
          started_at?: string | null
          status?: Database["public"]["Enums"]["simcore_run_status"]
          title?: string
          updated_at?: string
        }
        Relationships: []
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      consume_rate_limit: {
        Args: { bucket: string; function_name: string }
        Returns: {
          allowed: boolean
          remaining: number
          retry_after_seconds: number
        }[]
      }
      health_check: { Args: Record<PropertyKey, never>; Returns: Json }
      is_admin: { Args: Record<PropertyKey, never>; Returns: boolean }
      qmlab_shared_circuit: {
        Args: { token: string }
        Returns: {
          created_at: string
          description: string
          gate_count: number
          id: string
          num_qubits: number
          owner_name: string
          qasm: string
          title: string
          updated_at: string
          visibility: string
        }[]
      }
      repz_accept_invite: {
        Args: { code: string }
        Returns: {
          accepted_at: string | null
          client_id: string | null
          coach_id: string
          created_at: string
          ended_at: string | null
          id: string
          invite_code: string
          invite_expires_at: string
          status: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "repz_coach_links"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      repz_exercise_sets: {
        Args: { athlete?: string; exercise: string; since?: string; tz: string }
        Returns: {
          day: string
          reps: number
          weight_kg: number
        }[]
      }
      repz_list_workouts: {
        Args: {
          athlete?: string
          from_day?: string
          page_limit?: number
          page_offset?: number
          to_day?: string
          tz: string
        }
        Returns: Json
      }
      repz_partner_names: {
        Args: Record<PropertyKey, never>
        Returns: {
          display_name: string
          partner_id: string
        }[]
      }
      repz_save_workout: {
        Args: { workout: Json; workout_id?: string }
        Returns: Json
      }
      repz_stats: { Args: { athlete?: string; tz: string }; Returns: Json }
      repz_workout_json: { Args: { id: string }; Returns: Json }
      simcore_finish_run: {
        Args: {
          compute_ms: number
          error_message?: string
          final_progress: number
          final_status: Database["public"]["Enums"]["simcore_run_status"]
          run_id: string
          series?: Json
          summary?: Json
        }
        Returns: Json
      }
      simcore_get_run: { Args: { run_id: string }; Returns: Json }
      simcore_list_runs: {
        Args: {
          module?: string
          page_limit?: number
          page_offset?: number
          status?: Database["public"]["Enums"]["simcore_run_status"]
        }
        Returns: Json
      }
      simcore_quota: {
        Args: Record<PropertyKey, never>
        Returns: {
          max_result_bytes: number
          max_runs: number
        }[]
      }
      simcore_run_json: {
        Args: {
          result: Database["public"]["Tables"]["simcore_results"]["Row"]
          run: Database["public"]["Tables"]["simcore_simulations"]["Row"]
          with_series: boolean
        }
        Returns: Json
      }
      simcore_run_stats: { Args: Record<PropertyKey, never>; Returns: Json }
      simcore_set_sharing: {
        Args: { run_id: string; shared: boolean }
        Returns: string
      }
      simcore_shared_run: { Args: { token: string }; Returns: Json }
    }
    Enums: {
      simcore_run_status:
        | "queued"
        | "running"
        | "paused"
        | "completed"
        | "failed"
        | "stopped"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      simcore_run_status: [
        "queued",
        "running",
        "paused",
        "completed",
        "failed",
        "stopped",
      ],
    },
  },
} as const

