export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "13.0.5"
  }
  public: {
    Tables: {
      alert_events: {
        Row: {
          direction: string
          dismissed_at: string | null
          id: number
          price: number
          symbol: string
          threshold: number | null
          triggered_at: string
          user_id: string
        }
        Insert: {
          direction: string
          dismissed_at?: string | null
          id?: number
          price: number
          symbol: string
          threshold?: number | null
          triggered_at: string
          user_id: string
        }
        Update: {
          direction?: string
          dismissed_at?: string | null
          id?: number
          price?: number
          symbol?: string
          threshold?: number | null
          triggered_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "alert_events_symbol_fkey"
            columns: ["symbol"]
            isOneToOne: false
            referencedRelation: "stocks"
            referencedColumns: ["symbol"]
          },
          {
            foreignKeyName: "alert_events_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      market_state: {
        Row: {
          id: boolean
          last_tick_at: string | null
          seed: number
          speed: number
          tick_count: number
          trading_day: string
        }
        Insert: {
          id?: boolean
          last_tick_at?: string | null
          seed?: number
          speed?: number
          tick_count?: number
          trading_day?: string
        }
        Update: {
          id?: boolean
          last_tick_at?: string | null
          seed?: number
          speed?: number
          tick_count?: number
          trading_day?: string
        }
        Relationships: []
      }
      orders: {
        Row: {
          client_order_id: string | null
          created_at: string
          filled_at: string | null
          filled_price: number | null
          held_cash: number
          id: string
          limit_price: number | null
          notional: number | null
          quantity: number
          reject_reason: string | null
          run: number
          side: string
          status: string
          stop_price: number | null
          symbol: string
          time_in_force: string
          trigger_above: boolean | null
          trigger_price: number | null
          triggered_at: string | null
          type: string
          updated_at: string
          user_id: string
        }
        Insert: {
          client_order_id?: string | null
          created_at?: string
          filled_at?: string | null
          filled_price?: number | null
          held_cash?: number
          id?: string
          limit_price?: number | null
          notional?: number | null
          quantity: number
          reject_reason?: string | null
          run?: number
          side: string
          status?: string
          stop_price?: number | null
          symbol: string
          time_in_force?: string
          trigger_above?: boolean | null
          trigger_price?: number | null
          triggered_at?: string | null
          type: string
          updated_at?: string
          user_id: string
        }
        Update: {
          client_order_id?: string | null
          created_at?: string
          filled_at?: string | null
          filled_price?: number | null
          held_cash?: number
          id?: string
          limit_price?: number | null
          notional?: number | null
          quantity?: number
          reject_reason?: string | null
          run?: number
          side?: string
          status?: string
          stop_price?: number | null
          symbol?: string
          time_in_force?: string
          trigger_above?: boolean | null
          trigger_price?: number | null
          triggered_at?: string | null
          type?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "orders_symbol_fkey"
            columns: ["symbol"]
            isOneToOne: false
            referencedRelation: "stocks"
            referencedColumns: ["symbol"]
          },
          {
            foreignKeyName: "orders_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      portfolios: {
        Row: {
          average_cost: number
          cost_basis: number
          created_at: string
          held_quantity: number
          is_open: boolean
          quantity: number
          realized_pnl: number
          symbol: string
          updated_at: string
          user_id: string
        }
        Insert: {
          average_cost?: number
          cost_basis?: number
          created_at?: string
          held_quantity?: number
          is_open?: never
          quantity?: number
          realized_pnl?: number
          symbol: string
          updated_at?: string
          user_id: string
        }
        Update: {
          average_cost?: number
          cost_basis?: number
          created_at?: string
          held_quantity?: number
          is_open?: never
          quantity?: number
          realized_pnl?: number
          symbol?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "portfolios_symbol_fkey"
            columns: ["symbol"]
            isOneToOne: false
            referencedRelation: "stocks"
            referencedColumns: ["symbol"]
          },
          {
            foreignKeyName: "portfolios_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      price_candles: {
        Row: {
          bucket: string
          close: number
          high: number
          interval: string
          low: number
          open: number
          symbol: string
          volume: number
        }
        Insert: {
          bucket: string
          close: number
          high: number
          interval: string
          low: number
          open: number
          symbol: string
          volume?: number
        }
        Update: {
          bucket?: string
          close?: number
          high?: number
          interval?: string
          low?: number
          open?: number
          symbol?: string
          volume?: number
        }
        Relationships: [
          {
            foreignKeyName: "price_candles_symbol_fkey"
            columns: ["symbol"]
            isOneToOne: false
            referencedRelation: "stocks"
            referencedColumns: ["symbol"]
          },
        ]
      }
      profiles: {
        Row: {
          avatar_url: string | null
          buying_power: number
          cash: number
          created_at: string
          current_run: number
          display_name: string
          held_cash: number
          id: string
          run_started_at: string
          show_on_leaderboard: boolean
          starting_cash: number
          updated_at: string
        }
        Insert: {
          avatar_url?: string | null
          buying_power?: never
          cash?: number
          created_at?: string
          current_run?: number
          display_name: string
          held_cash?: number
          id: string
          run_started_at?: string
          show_on_leaderboard?: boolean
          starting_cash?: number
          updated_at?: string
        }
        Update: {
          avatar_url?: string | null
          buying_power?: never
          cash?: number
          created_at?: string
          current_run?: number
          display_name?: string
          held_cash?: number
          id?: string
          run_started_at?: string
          show_on_leaderboard?: boolean
          starting_cash?: number
          updated_at?: string
        }
        Relationships: []
      }
      stocks: {
        Row: {
          average_volume: number
          currency: string
          day_high: number
          day_low: number
          day_open: number
          drift: number
          exchange: string
          name: string
          previous_close: number
          price: number
          sector: string
          symbol: string
          updated_at: string
          volatility: number
          volume: number
        }
        Insert: {
          average_volume?: number
          currency?: string
          day_high: number
          day_low: number
          day_open: number
          drift?: number
          exchange: string
          name: string
          previous_close: number
          price: number
          sector: string
          symbol: string
          updated_at?: string
          volatility: number
          volume?: number
        }
        Update: {
          average_volume?: number
          currency?: string
          day_high?: number
          day_low?: number
          day_open?: number
          drift?: number
          exchange?: string
          name?: string
          previous_close?: number
          price?: number
          sector?: string
          symbol?: string
          updated_at?: string
          volatility?: number
          volume?: number
        }
        Relationships: []
      }
      transactions: {
        Row: {
          amount: number
          cash_after: number
          created_at: string
          fee: number
          id: string
          order_id: string
          price: number
          quantity: number
          realized_pnl: number | null
          run: number
          side: string
          symbol: string
          user_id: string
        }
        Insert: {
          amount: number
          cash_after: number
          created_at?: string
          fee?: number
          id?: string
          order_id: string
          price: number
          quantity: number
          realized_pnl?: number | null
          run?: number
          side: string
          symbol: string
          user_id: string
        }
        Update: {
          amount?: number
          cash_after?: number
          created_at?: string
          fee?: number
          id?: string
          order_id?: string
          price?: number
          quantity?: number
          realized_pnl?: number | null
          run?: number
          side?: string
          symbol?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "transactions_order_id_fkey"
            columns: ["order_id", "user_id", "symbol"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id", "user_id", "symbol"]
          },
        ]
      }
      wishlists: {
        Row: {
          alert_above: number | null
          alert_below: number | null
          alert_triggered_at: string | null
          alert_triggered_direction: string | null
          alert_triggered_price: number | null
          alert_triggered_threshold: number | null
          created_at: string
          symbol: string
          updated_at: string
          user_id: string
        }
        Insert: {
          alert_above?: number | null
          alert_below?: number | null
          alert_triggered_at?: string | null
          alert_triggered_direction?: string | null
          alert_triggered_price?: number | null
          alert_triggered_threshold?: number | null
          created_at?: string
          symbol: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          alert_above?: number | null
          alert_below?: number | null
          alert_triggered_at?: string | null
          alert_triggered_direction?: string | null
          alert_triggered_price?: number | null
          alert_triggered_threshold?: number | null
          created_at?: string
          symbol?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "wishlists_symbol_fkey"
            columns: ["symbol"]
            isOneToOne: false
            referencedRelation: "stocks"
            referencedColumns: ["symbol"]
          },
          {
            foreignKeyName: "wishlists_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: { [_ in never]: never }
    Functions: {
      cancel_order: {
        Args: { p_order_id: string }
        Returns: {
          client_order_id: string | null
          created_at: string
          filled_at: string | null
          filled_price: number | null
          held_cash: number
          id: string
          limit_price: number | null
          notional: number | null
          quantity: number
          reject_reason: string | null
          run: number
          side: string
          status: string
          stop_price: number | null
          symbol: string
          time_in_force: string
          trigger_above: boolean | null
          trigger_price: number | null
          triggered_at: string | null
          type: string
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "orders"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      delete_my_account: {
        Args: never
        Returns: undefined
      }
      dismiss_alert: {
        Args: { p_id: number }
        Returns: undefined
      }
      export_my_data: {
        Args: never
        Returns: Json
      }
      get_hourly_candles: {
        Args: { p_since: string; p_symbol: string }
        Returns: {
          bucket: string
          open: number
          high: number
          low: number
          close: number
          volume: number
        }[]
      }
      get_leaderboard: {
        Args: { p_limit?: number }
        Returns: {
          rank: number
          display_name: string
          equity: number
          return_pct: number
        }[]
      }
      get_my_leaderboard_entry: {
        Args: never
        Returns: {
          rank: number
          display_name: string
          equity: number
          return_pct: number
        }[]
      }
      market_tick: {
        Args: { p_now?: string }
        Returns: Json
      }
      place_order: {
        Args: {
          p_client_order_id?: string
          p_limit_price?: number
          p_notional?: number
          p_quantity?: number
          p_side: string
          p_stop_price?: number
          p_symbol: string
          p_time_in_force?: string
          p_type?: string
        }
        Returns: {
          client_order_id: string | null
          created_at: string
          filled_at: string | null
          filled_price: number | null
          held_cash: number
          id: string
          limit_price: number | null
          notional: number | null
          quantity: number
          reject_reason: string | null
          run: number
          side: string
          status: string
          stop_price: number | null
          symbol: string
          time_in_force: string
          trigger_above: boolean | null
          trigger_price: number | null
          triggered_at: string | null
          type: string
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "orders"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reset_portfolio: {
        Args: never
        Returns: {
          avatar_url: string | null
          buying_power: number
          cash: number
          created_at: string
          current_run: number
          display_name: string
          held_cash: number
          id: string
          run_started_at: string
          show_on_leaderboard: boolean
          starting_cash: number
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "profiles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_stock_price: {
        Args: { p_price: number; p_symbol: string }
        Returns: {
          average_volume: number
          currency: string
          day_high: number
          day_low: number
          day_open: number
          drift: number
          exchange: string
          name: string
          previous_close: number
          price: number
          sector: string
          symbol: string
          updated_at: string
          volatility: number
          volume: number
        }
        SetofOptions: {
          from: "*"
          to: "stocks"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: { [_ in never]: never }
    CompositeTypes: { [_ in never]: never }
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
    keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
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
    keyof DefaultSchema["Tables"] | { schema: keyof DatabaseWithoutInternals },
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
    keyof DefaultSchema["Enums"] | { schema: keyof DatabaseWithoutInternals },
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
    Enums: {},
  },
} as const
