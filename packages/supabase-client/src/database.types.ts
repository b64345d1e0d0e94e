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
      liveit_cart_items: {
        Row: {
          created_at: string
          customer_id: string
          quantity: number
          updated_at: string
          variant_id: string
        }
        Insert: {
          created_at?: string
          customer_id?: string
          quantity: number
          updated_at?: string
          variant_id: string
        }
        Update: {
          created_at?: string
          customer_id?: string
          quantity?: number
          updated_at?: string
          variant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "liveit_cart_items_variant_id_fkey"
            columns: ["variant_id"]
            referencedRelation: "liveit_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      liveit_categories: {
        Row: {
          created_at: string
          description: string
          id: string
          name: string
          position: number
          slug: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          description?: string
          id?: string
          name: string
          position?: number
          slug: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string
          id?: string
          name?: string
          position?: number
          slug?: string
          updated_at?: string
        }
        Relationships: []
      }
      liveit_order_items: {
        Row: {
          created_at: string
          customer_id: string
          id: string
          line_total_cents: number | null
          order_id: string
          position: number
          product_id: string | null
          product_name: string
          quantity: number
          sku: string
          unit_price_cents: number
          variant_id: string | null
          variant_label: string
        }
        Insert: {
          created_at?: string
          customer_id: string
          id?: string
          line_total_cents?: never
          order_id: string
          position: number
          product_id?: string | null
          product_name: string
          quantity: number
          sku: string
          unit_price_cents: number
          variant_id?: string | null
          variant_label: string
        }
        Update: {
          created_at?: string
          customer_id?: string
          id?: string
          line_total_cents?: never
          order_id?: string
          position?: number
          product_id?: string | null
          product_name?: string
          quantity?: number
          sku?: string
          unit_price_cents?: number
          variant_id?: string | null
          variant_label?: string
        }
        Relationships: [
          {
            foreignKeyName: "liveit_order_items_order_id_fkey"
            columns: ["order_id"]
            referencedRelation: "liveit_orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_order_items_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_product_cards"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_order_items_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_products"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_order_items_variant_id_fkey"
            columns: ["variant_id"]
            referencedRelation: "liveit_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      liveit_orders: {
        Row: {
          cancel_reason: string | null
          cancelled_at: string | null
          created_at: string
          currency: string
          customer_id: string
          fulfilled_at: string | null
          id: string
          order_number: string
          paid_at: string | null
          payment_provider: string | null
          payment_reference: string | null
          reserved_until: string | null
          shipped_at: string | null
          shipping_address: NonNullable<Json>
          shipping_cents: number
          status: string
          subtotal_cents: number
          tax_cents: number
          total_cents: number
          updated_at: string
        }
        Insert: {
          cancel_reason?: string | null
          cancelled_at?: string | null
          created_at?: string
          currency?: string
          customer_id: string
          fulfilled_at?: string | null
          id?: string
          order_number?: string
          paid_at?: string | null
          payment_provider?: string | null
          payment_reference?: string | null
          reserved_until?: string | null
          shipped_at?: string | null
          shipping_address: NonNullable<Json>
          shipping_cents: number
          status?: string
          subtotal_cents: number
          tax_cents: number
          total_cents: number
          updated_at?: string
        }
        Update: {
          cancel_reason?: string | null
          cancelled_at?: string | null
          created_at?: string
          currency?: string
          customer_id?: string
          fulfilled_at?: string | null
          id?: string
          order_number?: string
          paid_at?: string | null
          payment_provider?: string | null
          payment_reference?: string | null
          reserved_until?: string | null
          shipped_at?: string | null
          shipping_address?: NonNullable<Json>
          shipping_cents?: number
          status?: string
          subtotal_cents?: number
          tax_cents?: number
          total_cents?: number
          updated_at?: string
        }
        Relationships: []
      }
      liveit_product_images: {
        Row: {
          alt: string
          created_at: string
          id: string
          position: number
          product_id: string
          storage_path: string
          updated_at: string
          widths: number[]
        }
        Insert: {
          alt: string
          created_at?: string
          id?: string
          position?: number
          product_id: string
          storage_path: string
          updated_at?: string
          widths?: number[]
        }
        Update: {
          alt?: string
          created_at?: string
          id?: string
          position?: number
          product_id?: string
          storage_path?: string
          updated_at?: string
          widths?: number[]
        }
        Relationships: [
          {
            foreignKeyName: "liveit_product_images_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_product_cards"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_product_images_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_products"
            referencedColumns: ["id"]
          },
        ]
      }
      liveit_product_ratings: {
        Row: {
          average_rating: number | null
          count_1: number
          count_2: number
          count_3: number
          count_4: number
          count_5: number
          product_id: string
          rating_sum: number
          review_count: number
          updated_at: string
        }
        Insert: {
          average_rating?: never
          count_1?: number
          count_2?: number
          count_3?: number
          count_4?: number
          count_5?: number
          product_id: string
          rating_sum?: number
          review_count?: number
          updated_at?: string
        }
        Update: {
          average_rating?: never
          count_1?: number
          count_2?: number
          count_3?: number
          count_4?: number
          count_5?: number
          product_id?: string
          rating_sum?: number
          review_count?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "liveit_product_ratings_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_product_cards"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_product_ratings_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_products"
            referencedColumns: ["id"]
          },
        ]
      }
      liveit_products: {
        Row: {
          category_id: string
          created_at: string
          description: string
          id: string
          name: string
          slug: string
          status: string
          updated_at: string
        }
        Insert: {
          category_id: string
          created_at?: string
          description?: string
          id?: string
          name: string
          slug: string
          status?: string
          updated_at?: string
        }
        Update: {
          category_id?: string
          created_at?: string
          description?: string
          id?: string
          name?: string
          slug?: string
          status?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "liveit_products_category_id_fkey"
            columns: ["category_id"]
            referencedRelation: "liveit_categories"
            referencedColumns: ["id"]
          },
        ]
      }
      liveit_reviews: {
        Row: {
          author_name: string
          body: string
          created_at: string
          customer_id: string
          id: string
          product_id: string
          rating: number
          title: string
          updated_at: string
          verified_purchase: boolean
        }
        Insert: {
          author_name: string
          body?: string
          created_at?: string
          customer_id: string
          id?: string
          product_id: string
          rating: number
          title: string
          updated_at?: string
          verified_purchase?: boolean
        }
        Update: {
          author_name?: string
          body?: string
          created_at?: string
          customer_id?: string
          id?: string
          product_id?: string
          rating?: number
          title?: string
          updated_at?: string
          verified_purchase?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "liveit_reviews_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_product_cards"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_reviews_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_products"
            referencedColumns: ["id"]
          },
        ]
      }
      liveit_variants: {
        Row: {
          colour: string | null
          created_at: string
          id: string
          position: number
          price_cents: number
          product_id: string
          size: string | null
          sku: string
          stock_available: number | null
          stock_on_hand: number
          stock_reserved: number
          updated_at: string
        }
        Insert: {
          colour?: string | null
          created_at?: string
          id?: string
          position?: number
          price_cents: number
          product_id: string
          size?: string | null
          sku: string
          stock_available?: never
          stock_on_hand?: number
          stock_reserved?: number
          updated_at?: string
        }
        Update: {
          colour?: string | null
          created_at?: string
          id?: string
          position?: number
          price_cents?: number
          product_id?: string
          size?: string | null
          sku?: string
          stock_available?: never
          stock_on_hand?: number
          stock_reserved?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "liveit_variants_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_product_cards"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "liveit_variants_product_id_fkey"
            columns: ["product_id"]
            referencedRelation: "liveit_products"
            referencedColumns: ["id"]
          },
        ]
      }
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
      liveit_product_cards: {
        Row: {
          average_rating: number | null
          category_id: string | null
          category_slug: string | null
          created_at: string | null
          id: string | null
          image_alt: string | null
          image_path: string | null
          image_widths: number[] | null
          max_price_cents: number | null
          min_price_cents: number | null
          name: string | null
          review_count: number | null
          slug: string | null
          status: string | null
          stock_available: number | null
        }
        Relationships: [
          {
            foreignKeyName: "liveit_products_category_id_fkey"
            columns: ["category_id"]
            referencedRelation: "liveit_categories"
            referencedColumns: ["id"]
          },
        ]
      }
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
      liveit_abandon_checkout: {
        Args: { order_id: string }
        Returns: undefined
      }
      liveit_adjust_stock: {
        Args: { delta?: number; on_hand?: number; variant_id: string }
        Returns: {
          colour: string | null
          created_at: string
          id: string
          position: number
          price_cents: number
          product_id: string
          size: string | null
          sku: string
          stock_available: number | null
          stock_on_hand: number
          stock_reserved: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "liveit_variants"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      liveit_apply_payment_event: {
        Args: {
          event_id: string
          event_type: string
          order_id: string
          payment_reference?: string
        }
        Returns: Json
      }
      liveit_cancel_order: {
        Args: { customer?: string; order_id: string; reason?: string }
        Returns: Json
      }
      liveit_checkout: {
        Args: {
          customer: string
          hold_minutes?: number
          items: Json
          payment_provider?: string
          shipping_address: Json
        }
        Returns: Json
      }
      liveit_create_review: {
        Args: {
          body?: string
          customer: string
          product_id: string
          rating: number
          title: string
        }
        Returns: {
          author_name: string
          body: string
          created_at: string
          customer_id: string
          id: string
          product_id: string
          rating: number
          title: string
          updated_at: string
          verified_purchase: boolean
        }
        SetofOptions: {
          from: "*"
          to: "liveit_reviews"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      liveit_list_orders: {
        Args: {
          customer?: string
          page_limit?: number
          page_offset?: number
          q?: string
          status_filter?: string
        }
        Returns: Json
      }
      liveit_merge_cart: { Args: { items: Json }; Returns: Json }
      liveit_order_json: { Args: { order_id: string }; Returns: Json }
      liveit_place_order: {
        Args: {
          customer: string
          hold_minutes?: number
          items: Json
          payment_provider?: string
          shipping_address: Json
        }
        Returns: Json
      }
      liveit_release_expired_holds: {
        Args: { max_orders?: number }
        Returns: number
      }
      liveit_set_order_status: {
        Args: { new_status: string; order_id: string }
        Returns: Json
      }
      liveit_set_payment_reference: {
        Args: { order_id: string; reference: string }
        Returns: undefined
      }
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

